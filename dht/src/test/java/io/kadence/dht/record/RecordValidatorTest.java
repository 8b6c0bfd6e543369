package io.kadence.dht.record;

import io.kadence.crypto.testing.ManualClock;
import static io.kadence.dht.record.RecordFixtures.ALICE;
import static io.kadence.dht.record.RecordFixtures.BOB;
import static io.kadence.dht.record.RecordFixtures.KEY;
import static io.kadence.dht.record.RecordFixtures.T0;
import static io.kadence.dht.record.RecordFixtures.signedRaw;
import static io.kadence.dht.record.RecordFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
  private static final long NOW = T0.toEpochMilli();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final RecordLimits LIMITS = RecordLimits.DEFAULTS;

  private final ManualClock clock = new ManualClock(T0);
  private final RecordValidator validator = new RecordValidator(LIMITS, clock);

  private SignedRecord signed(long sequence, long created, long ttl, byte[] value) {
    return signedRaw(ALICE, KEY, sequence, created, ttl, value);
  }

  @Test
  void validate_shouldAcceptWhenRecordIsFreshAndSigned() {
    assertEquals(RecordValidity.VALID, validator.validate(signed(0, NOW, HOUR, utf8("v"))));
  }

  @Test
  void validate_shouldRefuseMalformedWhenSequenceOrCreatedIsNegative() {
    assertEquals(RecordValidity.MALFORMED, validator.validate(signed(-1, NOW, HOUR, utf8("v"))));
    assertEquals(RecordValidity.MALFORMED,
        validator.validate(signed(Long.MIN_VALUE, NOW, HOUR, utf8("v"))));
    assertEquals(RecordValidity.MALFORMED, validator.validate(signed(0, -1, HOUR, utf8("v"))));
  }

  @Test
  void validate_shouldRefuseValueTooLargeWhenOneByteOverLimit() {
    int max = LIMITS.maxValueBytes();
    assertEquals(RecordValidity.VALID, validator.validate(signed(0, NOW, HOUR, new byte[max])));
    assertEquals(RecordValidity.VALUE_TOO_LARGE,
        validator.validate(signed(0, NOW, HOUR, new byte[max + 1])));
  }

  @Test
  void validate_shouldRefuseTtlOutOfRangeWhenOutsideMinAndMax() {
    long min = LIMITS.minTtl().toMillis();
    long max = LIMITS.maxTtl().toMillis();
    byte[] v = utf8("v");
    assertEquals(RecordValidity.VALID, validator.validate(signed(0, NOW, min, v)));
    assertEquals(RecordValidity.VALID, validator.validate(signed(0, NOW, max, v)));
    for (long ttl : new long[] {min - 1, 0, -1, Long.MIN_VALUE, max + 1, Long.MAX_VALUE}) {
      assertEquals(RecordValidity.TTL_OUT_OF_RANGE, validator.validate(signed(0, NOW, ttl, v)),
          "ttl " + ttl);
    }
  }

  @Test
  void validate_shouldRefuseCreatedInFutureWhenBeyondSkew() {
    long skew = LIMITS.maxClockSkew().toMillis();
    byte[] v = utf8("v");
    assertEquals(RecordValidity.VALID, validator.validate(signed(0, NOW + skew, HOUR, v)));
    assertEquals(RecordValidity.CREATED_IN_FUTURE,
        validator.validate(signed(0, NOW + skew + 1, HOUR, v)));
    assertEquals(RecordValidity.CREATED_IN_FUTURE,
        validator.validate(signed(0, Long.MAX_VALUE, HOUR, v)));
  }

  @Test
  void validate_shouldRefuseExpiredWhenClockReachesCreatedPlusTtl() {
    SignedRecord r = signed(0, NOW, HOUR, utf8("v"));
    clock.advance(Duration.ofMillis(HOUR - 1));
    assertEquals(RecordValidity.VALID, validator.validate(r));
    assertFalse(validator.isExpired(r));

    clock.advance(Duration.ofMillis(1));
    assertEquals(RecordValidity.EXPIRED, validator.validate(r));
    assertTrue(validator.isExpired(r));
  }

  @Test
  void validate_shouldRefuseBadSignatureWhenSignedByAnotherKeyOrAltered() {
    SignedRecord good = signed(0, NOW, HOUR, utf8("v"));
    SignedRecord otherSigner = new SignedRecord(KEY, ALICE.publicKey(), 0, NOW, HOUR, utf8("v"),
        BOB.sign(good.signedContent()));
    SignedRecord zeroSignature = new SignedRecord(KEY, ALICE.publicKey(), 0, NOW, HOUR,
        utf8("v"), new byte[64]);
    SignedRecord notACurvePoint = new SignedRecord(KEY, filled(32, 0xff), 0, NOW, HOUR,
        utf8("v"), good.signature());

    assertEquals(RecordValidity.BAD_SIGNATURE, validator.validate(otherSigner));
    assertEquals(RecordValidity.BAD_SIGNATURE, validator.validate(zeroSignature));
    assertEquals(RecordValidity.BAD_SIGNATURE, validator.validate(notACurvePoint));
  }

  @Test
  void validate_shouldReportCheapestFailureWhenSeveralChecksFail() {
    byte[] tooLarge = new byte[LIMITS.maxValueBytes() + 1];
    SignedRecord unsignedAndLarge = new SignedRecord(KEY, ALICE.publicKey(), 0, NOW, HOUR,
        tooLarge, new byte[64]);
    assertEquals(RecordValidity.VALUE_TOO_LARGE, validator.validate(unsignedAndLarge));
    assertEquals(RecordValidity.MALFORMED,
        validator.validate(new SignedRecord(KEY, ALICE.publicKey(), -1, NOW, 0, tooLarge,
            new byte[64])));
  }

  private static byte[] filled(int length, int b) {
    byte[] out = new byte[length];
    java.util.Arrays.fill(out, (byte) b);
    return out;
  }
}
