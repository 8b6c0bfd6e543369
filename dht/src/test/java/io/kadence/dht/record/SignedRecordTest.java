package io.kadence.dht.record;

import static io.kadence.dht.record.RecordFixtures.ALICE;
import static io.kadence.dht.record.RecordFixtures.BOB;
import static io.kadence.dht.record.RecordFixtures.HOUR;
import static io.kadence.dht.record.RecordFixtures.KEY;
import static io.kadence.dht.record.RecordFixtures.T0;
import static io.kadence.dht.record.RecordFixtures.record;
import static io.kadence.dht.record.RecordFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SignedRecordTest {
  private final SignedRecord original = record(ALICE, 7, "value");

  @Test
  void hasValidSignature_shouldBeTrueWhenRecordIsUntouched() {
    assertTrue(original.hasValidSignature());
    assertEquals(NodeId.of(ALICE.nodeId()), original.publisherId());
  }

  @Test
  void hasValidSignature_shouldBeFalseWhenAnySingleFieldChanges() {
    List<UnaryOperator<SignedRecord>> changes = List.of(
        r -> new SignedRecord(Key.of("other"), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis(), r.value(), r.signature()),
        r -> new SignedRecord(r.key(), BOB.publicKey(), r.sequence(), r.createdMillis(), r.ttlMillis(),
            r.value(), r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence() + 1, r.createdMillis(),
            r.ttlMillis(), r.value(), r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis() + 1,
            r.ttlMillis(), r.value(), r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis() + 1, r.value(), r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis(), utf8("valuf"), r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis(), utf8("value\0"), r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis(), new byte[0], r.signature()),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis(), r.value(), flipped(r.signature(), 0)),
        r -> new SignedRecord(r.key(), r.publisherPublicKey(), r.sequence(), r.createdMillis(),
            r.ttlMillis(), r.value(), flipped(r.signature(), 63)));
    for (UnaryOperator<SignedRecord> change : changes) {
      SignedRecord changed = change.apply(original);
      assertNotEquals(original, changed);
      assertFalse(changed.hasValidSignature(), changed.toString());
    }
  }

  @Test
  void constructor_shouldCopyArraysWhenCallerMutatesThemLater() {
    byte[] value = utf8("abc");
    byte[] publicKey = ALICE.publicKey();
    byte[] signature = original.signature();
    SignedRecord r = new SignedRecord(KEY, publicKey, 1, 2, 3, value, signature);
    value[0] = 'x';
    publicKey[0] ^= 1;
    signature[0] ^= 1;
    r.value()[1] = 'y';
    r.signature()[1] ^= 1;
    r.publisherPublicKey()[1] ^= 1;

    assertArrayEquals(utf8("abc"), r.value());
    assertArrayEquals(ALICE.publicKey(), r.publisherPublicKey());
    assertArrayEquals(original.signature(), r.signature());
  }

  @Test
  void constructor_shouldRejectWhenKeyOrSignatureHasWrongLength() {
    byte[] sig = original.signature();
    assertThrows(IllegalArgumentException.class,
        () -> new SignedRecord(KEY, new byte[31], 1, 2, 3, new byte[0], sig));
    assertThrows(IllegalArgumentException.class,
        () -> new SignedRecord(KEY, ALICE.publicKey(), 1, 2, 3, new byte[0], new byte[63]));
    assertThrows(NullPointerException.class,
        () -> new SignedRecord(KEY, ALICE.publicKey(), 1, 2, 3, null, sig));
  }

  @Test
  void create_shouldRejectWhenSequenceNegativeOrTtlNotPositive() {
    byte[] v = utf8("v");
    assertThrows(IllegalArgumentException.class,
        () -> SignedRecord.create(ALICE, KEY, -1, T0, HOUR, v));
    assertThrows(IllegalArgumentException.class,
        () -> SignedRecord.create(ALICE, KEY, 0, T0, Duration.ZERO, v));
    assertThrows(IllegalArgumentException.class,
        () -> SignedRecord.create(ALICE, KEY, 0, T0, Duration.ofMillis(-1), v));
  }

  @Test
  void equals_shouldCompareContentWhenInstancesDiffer() {
    SignedRecord copy = new SignedRecord(original.key(), original.publisherPublicKey(),
        original.sequence(), original.createdMillis(), original.ttlMillis(), original.value(),
        original.signature());

    assertEquals(original, copy);
    assertEquals(original.hashCode(), copy.hashCode());
    assertNotEquals(original, record(ALICE, 7, "other"));
    assertNotEquals(original, record(BOB, 7, "value"));
  }

  @Test
  void toString_shouldNotDumpValueWhenValueIsLarge() {
    SignedRecord big = SignedRecord.create(ALICE, KEY, 0, T0, HOUR, new byte[1000]);
    String s = big.toString();
    assertTrue(s.length() < 200, s);
    assertTrue(s.contains("1000 bytes"), s);
  }

  @Test
  void expiresAt_shouldBeCreatedPlusTtlWhenInRange() {
    assertEquals(T0.plus(HOUR), original.expiresAt());
    assertFalse(original.isExpiredAt(T0.plus(HOUR).minusMillis(1)));
    assertTrue(original.isExpiredAt(T0.plus(HOUR)));
  }

  @Test
  void expiresAtMillis_shouldSaturateWhenSumOverflows() {
    SignedRecord late = new SignedRecord(KEY, ALICE.publicKey(), 0, Long.MAX_VALUE - 1, 10,
        new byte[0], new byte[64]);
    SignedRecord early = new SignedRecord(KEY, ALICE.publicKey(), 0, Long.MIN_VALUE + 1, -10,
        new byte[0], new byte[64]);
    assertEquals(Long.MAX_VALUE, late.expiresAtMillis());
    assertEquals(Long.MIN_VALUE, early.expiresAtMillis());
    assertFalse(late.isExpiredAt(Instant.ofEpochMilli(Long.MAX_VALUE - 1)));
  }

  private static byte[] flipped(byte[] bytes, int index) {
    byte[] out = bytes.clone();
    out[index] ^= 0x01;
    return out;
  }
}
