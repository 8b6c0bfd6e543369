package io.kadence.dht.wire;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Deterministic messages of every type for the wire tests. */
final class WireFixtures {
  /** RFC 8032, section 7.1, TEST 1 secret key. */
  static final NodeKeyPair PUBLISHER = NodeKeyPair.fromPrivateKey(HexFormat.of().parseHex(
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

  private WireFixtures() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static NodeId id(int i) {
    return NodeId.sha256(utf8("node " + i));
  }

  static Contact contact(int i) {
    return new Contact(id(i), "10.0." + (i / 256) + "." + (i % 256), 4000 + i);
  }

  static List<Contact> contacts(int n) {
    List<Contact> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(contact(i));
    }
    return out;
  }

  static SignedRecord record(String key, long sequence, byte[] value) {
    return SignedRecord.create(PUBLISHER, Key.of(key), sequence, T0, Duration.ofHours(1), value);
  }

  /** At least one message of every type, with small, empty and unusual fields. */
  static List<Message> samples() {
    SignedRecord small = record("hello", 1, utf8("world"));
    SignedRecord empty = record("empty", 0, new byte[0]);
    SignedRecord kilo = record("kilo", Long.MAX_VALUE, new byte[1024]);
    return List.of(
        new Message.Ping(),
        new Message.Pong(),
        new Message.FindNode(id(1)),
        new Message.Nodes(List.of()),
        new Message.Nodes(contacts(3)),
        new Message.Nodes(List.of(new Contact(id(7), "[2001:db8::1]", 65535),
            new Contact(id(8), "node-8.example.org", 1))),
        new Message.FindValue(Key.of("hello"), 1),
        new Message.FindValue(Key.of("hello"), WireLimits.DEFAULTS.maxRecords()),
        new Message.Value(List.of(), List.of()),
        new Message.Value(List.of(small), List.of()),
        new Message.Value(List.of(), contacts(2)),
        new Message.Value(List.of(small, empty, kilo), contacts(4)),
        new Message.Store(small),
        new Message.Store(empty, ExpectedSequence.ABSENT),
        new Message.Store(kilo, ExpectedSequence.of(Long.MAX_VALUE - 1)),
        Message.StoreAck.ok(),
        Message.StoreAck.refused(StoreRefusal.CAS_MISMATCH),
        new Message.Leave());
  }
}
