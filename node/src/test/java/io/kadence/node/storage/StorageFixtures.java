package io.kadence.node.storage;

import io.kadence.crypto.Sha256;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.RecordSigning;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.settings.StorageSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Deterministic publishers, records and settings for the storage tests. */
final class StorageFixtures {
  static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
  static final Duration HOUR = Duration.ofHours(1);
  static final NodeKeyPair ALICE = publisher(1);
  static final NodeKeyPair BOB = publisher(2);
  static final NodeKeyPair CAROL = publisher(3);
  static final NodeId SELF = NodeId.of(Sha256.digest(bytes("self")));
  static final Key KEY = Key.of("hello");

  private StorageFixtures() {}

  /** Publisher number {@code i}: its private key is SHA-256 of "publisher-i". */
  static NodeKeyPair publisher(int i) {
    return NodeKeyPair.fromPrivateKey(Sha256.digest(bytes("publisher-" + i)));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A record of KEY created at T0 for an hour. */
  static SignedRecord record(NodeKeyPair publisher, long sequence, String value) {
    return record(publisher, KEY, sequence, T0, HOUR, bytes(value));
  }

  static SignedRecord record(NodeKeyPair publisher, Key key, long sequence, Instant created,
      Duration ttl, byte[] value) {
    return SignedRecord.create(publisher, key, sequence, created, ttl, value);
  }

  /** A record of {@code valueBytes} bytes, created at T0 for an hour, under key "k-i". */
  static SignedRecord sized(NodeKeyPair publisher, int i, int valueBytes) {
    byte[] value = new byte[valueBytes];
    Arrays.fill(value, (byte) i);
    return record(publisher, Key.of("k-" + i), 1, T0, HOUR, value);
  }

  /** Any fields, correctly signed: for records with one defect that create() would refuse. */
  static SignedRecord signedRaw(NodeKeyPair publisher, Key key, long sequence, long createdMillis,
      long ttlMillis, byte[] value) {
    byte[] publicKey = publisher.publicKey();
    byte[] content = RecordSigning.content(key, publicKey, sequence, createdMillis, ttlMillis, value);
    return new SignedRecord(key, publicKey, sequence, createdMillis, ttlMillis, value,
        publisher.sign(content));
  }

  /** Store settings with these quotas; values up to 1 KiB, TTLs up to 48 h. */
  static StorageSettings settings(int maxRecords, long maxBytes, int maxPublishers,
      int snapshotEvery) {
    return new StorageSettings(5, 3, Duration.ofHours(24), Duration.ofHours(48),
        Duration.ofMinutes(1), 1024, maxRecords, maxBytes, maxPublishers, snapshotEvery,
        Duration.ofHours(1), Duration.ofSeconds(1), 32, Duration.ofMinutes(1),
        Duration.ofSeconds(5));
  }

  /** {@code s} with the expiry sweep every {@code interval}. */
  static StorageSettings withSweepEvery(StorageSettings s, Duration interval) {
    return new StorageSettings(s.replication(), s.writeQuorum(), s.defaultTtl(), s.maxTtl(),
        s.maxClockSkew(), s.maxValueBytes(), s.maxRecords(), s.maxBytes(),
        s.maxPublishersPerKey(), s.snapshotEvery(), s.republishInterval(),
        s.replicationDebounce(), s.replicationInFlight(), interval, s.storeTimeout());
  }

  /** Roomy settings: 10,000 records, 1 MiB, 4 publishers per key, snapshot every 1,000. */
  static StorageSettings settings() {
    return settings(10_000, 1 << 20, 4, 1000);
  }
}
