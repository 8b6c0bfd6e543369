package io.kadence.dht.record;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** Deterministic publishers and records for the record tests. */
final class RecordFixtures {
  /** RFC 8032, section 7.1, TEST 1 secret key. */
  static final NodeKeyPair ALICE = NodeKeyPair.fromPrivateKey(HexFormat.of().parseHex(
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  /** RFC 8032, section 7.1, TEST 2 secret key. */
  static final NodeKeyPair BOB = NodeKeyPair.fromPrivateKey(HexFormat.of().parseHex(
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));

  static final Key KEY = Key.of("hello");
  static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
  static final Duration HOUR = Duration.ofHours(1);

  private RecordFixtures() {}

  static NodeId idOf(NodeKeyPair publisher) {
    return NodeId.of(publisher.nodeId());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A record by {@code publisher} of KEY created at T0 for an hour. */
  static SignedRecord record(NodeKeyPair publisher, long sequence, String value) {
    return SignedRecord.create(publisher, KEY, sequence, T0, HOUR, utf8(value));
  }

  /**
   * A record with any field values, correctly signed by {@code publisher}, so that a test can
   * give it exactly one defect that {@link SignedRecord#create} would refuse to make.
   */
  static SignedRecord signedRaw(NodeKeyPair publisher, Key key, long sequence, long createdMillis,
      long ttlMillis, byte[] value) {
    byte[] publicKey = publisher.publicKey();
    byte[] content = RecordSigning.content(key, publicKey, sequence, createdMillis, ttlMillis, value);
    return new SignedRecord(key, publicKey, sequence, createdMillis, ttlMillis, value,
        publisher.sign(content));
  }
}
