package io.kadence.bench.jmh;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic keys, ids, contacts and records for the benchmarks: the same inputs on every
 * run, so two runs differ only in the code and the machine.
 */
final class BenchFixtures {
  /** Bytes of the value in every benchmark record: the load generator's default value size. */
  static final int VALUE_BYTES = 64;
  /** Creation time of the benchmark records. */
  static final Instant T0 = Instant.ofEpochMilli(1_790_000_000_000L);

  private BenchFixtures() {}

  /** The key pair derived from {@code seed}. */
  static NodeKeyPair keyPair(int seed) {
    byte[] privateKey = new byte[32];
    new Random(seed).nextBytes(privateKey);
    return NodeKeyPair.fromPrivateKey(privateKey);
  }

  /** {@code n} random node ids from {@code random}. */
  static List<NodeId> ids(Random random, int n) {
    List<NodeId> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] bytes = new byte[NodeId.BYTES];
      random.nextBytes(bytes);
      ids.add(NodeId.of(bytes));
    }
    return ids;
  }

  /** A loopback contact for {@code id} with a port derived from {@code i}. */
  static Contact contact(NodeId id, int i) {
    return new Contact(id, "127.0.0.1", 10_000 + (i % 50_000));
  }

  /** {@code n} random contacts. */
  static List<Contact> contacts(Random random, int n) {
    List<NodeId> ids = ids(random, n);
    List<Contact> contacts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      contacts.add(contact(ids.get(i), i));
    }
    return contacts;
  }

  /** A record of {@link #VALUE_BYTES} bytes under key "bench-{@code i}", created at T0 for a day. */
  static SignedRecord record(NodeKeyPair publisher, int i) {
    byte[] value = ByteBuffer.allocate(VALUE_BYTES).putInt(i).array();
    return SignedRecord.create(publisher, Key.of("bench-" + i), 1, T0, Duration.ofDays(1), value);
  }
}
