package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.BOB;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.SignedRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RecordScreen}: a reader trusts no record a peer returns before checking it. */
class RecordScreenTest {
  @Test
  void of_shouldKeepValidRecordsOfTheKeyInOrderWhenAllPass() {
    List<SignedRecord> records = List.of(Fixtures.record(BOB, 3), Fixtures.record(ALICE, 1));
    RecordScreen screen = RecordScreen.of(KEY, records, Fixtures.validator());
    assertEquals(records, screen.valid());
    assertEquals(List.of(), screen.rejected());
  }

  @Test
  void of_shouldDropEachBadRecordWithItsReasonWhenAPeerMixesThemIn() {
    SignedRecord good = Fixtures.record(ALICE, 2);
    RecordScreen screen = RecordScreen.of(KEY, List.of(Fixtures.forged(good, 5), good,
        Fixtures.expired(BOB, 1), Fixtures.record(BOB, Key.of("other"), 4)), Fixtures.validator());
    assertEquals(List.of(good), screen.valid());
    assertEquals(3, screen.rejected().size());
    assertTrue(screen.rejected().get(0).endsWith("BAD_SIGNATURE"), screen.rejected().get(0));
    assertTrue(screen.rejected().get(1).endsWith("EXPIRED"), screen.rejected().get(1));
    assertTrue(screen.rejected().get(2).contains("another key"), screen.rejected().get(2));
  }

  @Test
  void of_shouldReturnNothingWhenThePeerHasNoRecords() {
    RecordScreen screen = RecordScreen.of(KEY, List.of(), Fixtures.validator());
    assertEquals(RecordScreen.NONE, screen);
  }

  @Test
  void of_shouldCheckARecordsSignatureOnceWhenReplicasReturnTheSameRecord() {
    SignedRecord good = Fixtures.record(ALICE, 2);
    Set<SignedRecord> verified = new HashSet<>();
    RecordScreen first = RecordScreen.of(KEY, List.of(good, Fixtures.forged(good, 5)),
        Fixtures.validator(), verified);
    assertEquals(List.of(good), first.valid());
    assertEquals(Set.of(good), verified, "only the record that passed is remembered");

    // An equal copy from another replica passes on the remembered check (a forged record with
    // the remembered one's signature would not: see below); a counting validator shows it.
    SignedRecord copy = new SignedRecord(good.key(), good.publisherPublicKey(), good.sequence(),
        good.createdMillis(), good.ttlMillis(), good.value(), good.signature());
    List<SignedRecord> checked = new ArrayList<>();
    RecordScreen second = RecordScreen.of(KEY, List.of(copy), Fixtures.validator(),
        new CountingSet(verified, checked));
    assertEquals(List.of(copy), second.valid());
    assertEquals(List.of(copy), checked, "the copy was vouched for by the set");
  }

  @Test
  void of_shouldStillRefuseAForgeryOfARecordItAlreadyVerified() {
    SignedRecord good = Fixtures.record(ALICE, 2);
    Set<SignedRecord> verified = new HashSet<>(Set.of(good));
    // Same signature, another value and sequence: not equal to the verified record.
    RecordScreen screen = RecordScreen.of(KEY, List.of(Fixtures.forged(good, 2)),
        Fixtures.validator(), verified);
    assertEquals(List.of(), screen.valid());
    assertTrue(screen.rejected().get(0).endsWith("BAD_SIGNATURE"), screen.rejected().get(0));
    // Vouched for, yet expired: every check other than the signature still runs.
    SignedRecord old = Fixtures.expired(BOB, 1);
    RecordScreen expired = RecordScreen.of(KEY, List.of(old), Fixtures.validator(),
        new HashSet<>(Set.of(old)));
    assertTrue(expired.rejected().get(0).endsWith("EXPIRED"), expired.rejected().get(0));
  }

  /** A set that records which elements it was asked about. */
  private static final class CountingSet extends HashSet<SignedRecord> {
    private final List<SignedRecord> asked;

    CountingSet(Set<SignedRecord> contents, List<SignedRecord> asked) {
      super(contents);
      this.asked = asked;
    }

    @Override
    public boolean contains(Object o) {
      boolean known = super.contains(o);
      if (known) {
        asked.add((SignedRecord) o);
      }
      return known;
    }
  }
}
