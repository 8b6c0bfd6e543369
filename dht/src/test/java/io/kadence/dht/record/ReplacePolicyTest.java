package io.kadence.dht.record;

import static io.kadence.dht.record.RecordFixtures.ALICE;
import static io.kadence.dht.record.RecordFixtures.BOB;
import static io.kadence.dht.record.RecordFixtures.HOUR;
import static io.kadence.dht.record.RecordFixtures.T0;
import static io.kadence.dht.record.RecordFixtures.record;
import static io.kadence.dht.record.RecordFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReplacePolicyTest {
  private static final ExpectedSequence ANY = ExpectedSequence.ANY;
  private static final ExpectedSequence ABSENT = ExpectedSequence.ABSENT;

  private final SignedRecord v1 = record(ALICE, 1, "one");
  private final SignedRecord v2 = record(ALICE, 2, "two");

  private static ReplaceDecision decide(SignedRecord stored, SignedRecord incoming,
      ExpectedSequence expected) {
    return ReplacePolicy.decide(Optional.ofNullable(stored), incoming, expected);
  }

  @Test
  void decide_shouldAcceptNewWhenSlotIsEmpty() {
    assertEquals(ReplaceDecision.ACCEPT_NEW, decide(null, v1, ANY));
    assertEquals(ReplaceDecision.ACCEPT_NEW, decide(null, v1, ABSENT));
  }

  @Test
  void decide_shouldAcceptReplaceWhenSequenceIsStrictlyHigher() {
    assertEquals(ReplaceDecision.ACCEPT_REPLACE, decide(v1, v2, ANY));
    assertEquals(ReplaceDecision.ACCEPT_REPLACE, decide(v1, v2, ExpectedSequence.of(1)));
  }

  @Test
  void decide_shouldReportAlreadyStoredWhenSameRecordArrivesAgain() {
    SignedRecord sameAgain = record(ALICE, 2, "two");
    assertEquals(ReplaceDecision.ALREADY_STORED, decide(v2, sameAgain, ANY));
    // A retry after a lost ack: the CAS condition held the first time and no longer does.
    assertEquals(ReplaceDecision.ALREADY_STORED, decide(v2, sameAgain, ExpectedSequence.of(1)));
    assertEquals(ReplaceDecision.ALREADY_STORED, decide(v2, sameAgain, ABSENT));
  }

  @Test
  void decide_shouldRefuseSequenceNotHigherWhenSameOrLowerSequence() {
    SignedRecord otherTwo = record(ALICE, 2, "other two");
    assertEquals(ReplaceDecision.SEQUENCE_NOT_HIGHER, decide(v2, otherTwo, ANY));
    assertEquals(ReplaceDecision.SEQUENCE_NOT_HIGHER, decide(v2, v1, ANY));
    SignedRecord laterTwo = SignedRecord.create(ALICE, v2.key(), 2, T0.plusSeconds(1), HOUR,
        utf8("two"));
    assertEquals(ReplaceDecision.SEQUENCE_NOT_HIGHER, decide(v2, laterTwo, ANY));
  }

  @Test
  void decide_shouldRefuseCasMismatchWhenExpectationDoesNotHold() {
    assertEquals(ReplaceDecision.CAS_MISMATCH, decide(v1, v2, ExpectedSequence.of(0)));
    assertEquals(ReplaceDecision.CAS_MISMATCH, decide(v1, v2, ABSENT));
    assertEquals(ReplaceDecision.CAS_MISMATCH, decide(null, v1, ExpectedSequence.of(0)));
    // CAS is checked before the sequence rule, as in BEP 44 (error 301 before 302).
    assertEquals(ReplaceDecision.CAS_MISMATCH, decide(v2, v1, ExpectedSequence.of(0)));
  }

  @Test
  void decide_shouldThrowWhenStoredRecordBelongsToAnotherSlot() {
    assertThrows(IllegalArgumentException.class, () -> decide(record(BOB, 1, "b"), v2, ANY));
    SignedRecord otherKey = SignedRecord.create(ALICE, Key.of("elsewhere"), 1, T0, HOUR,
        utf8("x"));
    assertThrows(IllegalArgumentException.class, () -> decide(otherKey, v2, ANY));
  }

  @Test
  void successFlags_shouldSeparateChangesFromIdempotentAndRefusals() {
    assertTrue(ReplaceDecision.ACCEPT_NEW.changesStore());
    assertTrue(ReplaceDecision.ACCEPT_REPLACE.changesStore());
    assertFalse(ReplaceDecision.ALREADY_STORED.changesStore());
    assertTrue(ReplaceDecision.ALREADY_STORED.isSuccess());
    for (ReplaceDecision refusal : new ReplaceDecision[] {ReplaceDecision.SEQUENCE_NOT_HIGHER,
        ReplaceDecision.CAS_MISMATCH, ReplaceDecision.TOO_MANY_PUBLISHERS}) {
      assertFalse(refusal.isSuccess());
      assertFalse(refusal.changesStore());
    }
  }

  @Test
  void expectedSequence_shouldRoundTripWireFormWhenValid() {
    assertTrue(new ExpectedSequence(-1).isAny());
    assertTrue(new ExpectedSequence(-2).isAbsent());
    assertEquals(OptionalLong.of(5), new ExpectedSequence(5).sequence());
    assertEquals(OptionalLong.empty(), ANY.sequence());
    assertThrows(IllegalArgumentException.class, () -> new ExpectedSequence(-3));
    assertThrows(IllegalArgumentException.class, () -> ExpectedSequence.of(-1));
  }
}
