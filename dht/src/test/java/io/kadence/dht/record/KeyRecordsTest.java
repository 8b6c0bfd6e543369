package io.kadence.dht.record;

import static io.kadence.dht.record.RecordFixtures.ALICE;
import static io.kadence.dht.record.RecordFixtures.BOB;
import static io.kadence.dht.record.RecordFixtures.HOUR;
import static io.kadence.dht.record.RecordFixtures.KEY;
import static io.kadence.dht.record.RecordFixtures.T0;
import static io.kadence.dht.record.RecordFixtures.idOf;
import static io.kadence.dht.record.RecordFixtures.record;
import static io.kadence.dht.record.RecordFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRecordsTest {
  private static final ExpectedSequence ANY = ExpectedSequence.ANY;
  private static final Instant NOW = T0.plusSeconds(1);

  private static NodeKeyPair publisher(int i) {
    byte[] seed = new byte[32];
    seed[0] = (byte) i;
    seed[1] = 42;
    return NodeKeyPair.fromPrivateKey(seed);
  }

  @Test
  void offer_shouldKeepOneRecordPerPublisherWhenSeveralPublish() {
    KeyRecords records = KeyRecords.empty(KEY, 4);
    KeyRecords.Offer a = records.offer(record(ALICE, 1, "a"), ANY, NOW);
    KeyRecords.Offer b = a.records().offer(record(BOB, 1, "b"), ANY, NOW);
    KeyRecords.Offer a2 = b.records().offer(record(ALICE, 2, "a2"), ANY, NOW);

    assertEquals(ReplaceDecision.ACCEPT_NEW, a.decision());
    assertEquals(ReplaceDecision.ACCEPT_NEW, b.decision());
    assertEquals(ReplaceDecision.ACCEPT_REPLACE, a2.decision());
    assertEquals(2, a2.records().size());
    assertEquals(Optional.of(record(ALICE, 2, "a2")),
        a2.records().current(idOf(ALICE), NOW));
    assertTrue(records.isEmpty(), "offer must not change the original");
  }

  @Test
  void offer_shouldRefuseTooManyPublishersWhenQuotaIsFull() {
    KeyRecords records = KeyRecords.empty(KEY, 3);
    for (int i = 0; i < 3; i++) {
      KeyRecords.Offer o = records.offer(record(publisher(i), 0, "v" + i), ANY, NOW);
      assertEquals(ReplaceDecision.ACCEPT_NEW, o.decision());
      records = o.records();
    }
    KeyRecords.Offer fourth = records.offer(record(publisher(3), 0, "v3"), ANY, NOW);
    KeyRecords.Offer replaceInFull = records.offer(record(publisher(0), 1, "w0"), ANY, NOW);

    assertEquals(ReplaceDecision.TOO_MANY_PUBLISHERS, fourth.decision());
    assertEquals(3, fourth.records().size());
    assertEquals(ReplaceDecision.ACCEPT_REPLACE, replaceInFull.decision());
  }

  @Test
  void offer_shouldTreatExpiredRecordAsAbsentWhenClockPassesExpiry() {
    KeyRecords full = KeyRecords.empty(KEY, 1).offer(record(ALICE, 5, "old"), ANY, NOW).records();
    Instant expiry = T0.plus(HOUR);
    SignedRecord fresh = SignedRecord.create(BOB, KEY, 0, expiry, HOUR, utf8("fresh"));

    assertEquals(ReplaceDecision.TOO_MANY_PUBLISHERS,
        full.decide(fresh, ANY, expiry.minusMillis(1)));
    KeyRecords.Offer afterExpiry = full.offer(fresh, ExpectedSequence.ABSENT, expiry);
    assertEquals(ReplaceDecision.ACCEPT_NEW, afterExpiry.decision());
    assertEquals(List.of(fresh), afterExpiry.records().live(expiry));
    assertEquals(Optional.empty(), full.current(idOf(ALICE), expiry));
  }

  @Test
  void live_shouldListNewestFirstAndDropExpiredWhenRead() {
    SignedRecord older = SignedRecord.create(ALICE, KEY, 0, T0, HOUR, utf8("older"));
    SignedRecord newer = SignedRecord.create(BOB, KEY, 0, T0.plusSeconds(10), HOUR, utf8("n"));
    KeyRecords records = KeyRecords.empty(KEY, 4)
        .offer(older, ANY, NOW).records()
        .offer(newer, ANY, NOW).records();

    assertEquals(List.of(newer, older), records.live(NOW));
    assertEquals(List.of(newer), records.live(T0.plus(HOUR)));
    assertEquals(1, records.withoutExpired(T0.plus(HOUR)).size());
    assertEquals(0, records.withoutExpired(T0.plus(HOUR).plus(Duration.ofSeconds(10))).size());
  }

  @Test
  void offer_shouldThrowWhenRecordIsForAnotherKey() {
    SignedRecord elsewhere = SignedRecord.create(ALICE, Key.of("elsewhere"), 0, T0, HOUR,
        utf8("x"));
    KeyRecords records = KeyRecords.empty(KEY, 4);
    assertThrows(IllegalArgumentException.class, () -> records.offer(elsewhere, ANY, NOW));
    assertThrows(IllegalArgumentException.class, () -> KeyRecords.empty(KEY, 0));
  }
}
