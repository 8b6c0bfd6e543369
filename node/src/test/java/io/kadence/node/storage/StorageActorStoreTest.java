package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.CAROL;
import static io.kadence.node.storage.StorageFixtures.HOUR;
import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.bytes;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.settings;
import static io.kadence.node.storage.StorageFixtures.signedRaw;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a store keeps and returns, the replace rule, and refusals: invalid records and quotas. */
@ExtendWith(LogCapturingExtension.class)
class StorageActorStoreTest extends StorageActorFixture {
  static final ActorTestKit system = ActorTestKit.create(StorageTestSystems.inMemory());

  StorageActorStoreTest() {
    super(system);
  }

  @AfterAll
  static void stop() {
    system.shutdownTestKit();
  }

  @Test
  void store_shouldRefuseWithTheValidatorsReasonWhenTheRecordIsInvalid() {
    var kit = store(settings());
    SignedRecord good = record(ALICE, 1, "v");
    SignedRecord forged = new SignedRecord(KEY, ALICE.publicKey(), 1, T0.toEpochMilli(),
        HOUR.toMillis(), bytes("other value"), good.signature());
    long t0 = T0.toEpochMilli();

    assertRefused(kit, forged, ExpectedSequence.ANY, StoreRefusal.BAD_SIGNATURE);
    assertRefused(kit, sized(ALICE, 1, 1025), ExpectedSequence.ANY, StoreRefusal.VALUE_TOO_LARGE);
    assertRefused(kit, signedRaw(ALICE, KEY, 1, t0, Duration.ofHours(49).toMillis(), bytes("v")),
        ExpectedSequence.ANY, StoreRefusal.TTL_OUT_OF_RANGE);
    assertRefused(kit, signedRaw(ALICE, KEY, 1, t0, 999, bytes("v")),
        ExpectedSequence.ANY, StoreRefusal.TTL_OUT_OF_RANGE);
    assertRefused(kit, record(ALICE, KEY, 1, T0.minus(Duration.ofHours(2)), HOUR, bytes("v")),
        ExpectedSequence.ANY, StoreRefusal.EXPIRED);
    assertRefused(kit, record(ALICE, KEY, 1, T0.plus(Duration.ofMinutes(2)), HOUR, bytes("v")),
        ExpectedSequence.ANY, StoreRefusal.CREATED_IN_FUTURE);
    assertRefused(kit, signedRaw(ALICE, KEY, -1, t0, HOUR.toMillis(), bytes("v")),
        ExpectedSequence.ANY, StoreRefusal.MALFORMED);
    assertEquals(2, stats(kit).refused(StoreRefusal.TTL_OUT_OF_RANGE));
    assertEquals(0, stats(kit).records());
  }

  @Test
  void store_shouldRefuseByTheReplaceRuleWhenTheSlotHoldsARecord() {
    var kit = store(settings());
    assertStored(kit, record(ALICE, 5, "five"));

    assertRefused(kit, record(ALICE, 4, "four"), ExpectedSequence.ANY,
        StoreRefusal.SEQUENCE_NOT_HIGHER);
    assertRefused(kit, record(ALICE, 5, "another five"), ExpectedSequence.ANY,
        StoreRefusal.SEQUENCE_NOT_HIGHER);
    assertRefused(kit, record(ALICE, 6, "six"), ExpectedSequence.of(4), StoreRefusal.CAS_MISMATCH);
    assertRefused(kit, record(ALICE, 6, "six"), ExpectedSequence.ABSENT, StoreRefusal.CAS_MISMATCH);
    assertEquals(StorageActor.StoreReply.STORED,
        put(kit, record(ALICE, 6, "six"), ExpectedSequence.of(5)).reply());
  }

  @Test
  void store_shouldRefuseQuotaExceededWhenTheKeyHoldsMaxPublishers() {
    var kit = store(settings(100, 1 << 20, 2, 1000));
    assertStored(kit, record(ALICE, 1, "a"));
    assertStored(kit, record(BOB, 1, "b"));

    assertRefused(kit, record(CAROL, 1, "c"), ExpectedSequence.ANY, StoreRefusal.QUOTA_EXCEEDED);
    assertEquals(1, stats(kit).refused(StoreRefusal.QUOTA_EXCEEDED));
  }

  @Test
  void store_shouldRefuseStorageFullWhenMaxRecordsOrMaxBytesIsReached() {
    var byRecords = store(settings(2, 1 << 20, 4, 1000));
    assertStored(byRecords, sized(ALICE, 1, 10));
    assertStored(byRecords, sized(ALICE, 2, 10));
    assertRefused(byRecords, sized(ALICE, 3, 10), ExpectedSequence.ANY, StoreRefusal.STORAGE_FULL);

    var byBytes = store(settings(100, 1500, 4, 1000));
    assertStored(byBytes, sized(ALICE, 1, 1000));
    assertRefused(byBytes, sized(ALICE, 2, 501), ExpectedSequence.ANY, StoreRefusal.STORAGE_FULL);
    assertEquals(1000, stats(byBytes).valueBytes());
  }

  @Test
  void store_shouldReplaceTheRecordWhenTheSequenceIsHigher() {
    var kit = store(settings());
    assertStored(kit, record(ALICE, 1, "first"));
    SignedRecord second = record(ALICE, 2, "2nd");

    assertStored(kit, second);

    assertEquals(List.of(second), get(kit));
    assertEquals(3, stats(kit).valueBytes());
    assertEquals(1, stats(kit).records());
  }

  @Test
  void get_shouldReturnOneRecordPerPublisherNewestFirstWhenSeveralPublishKey() {
    var kit = store(settings());
    SignedRecord older = record(ALICE, KEY, 1, T0.minusSeconds(5), HOUR, bytes("a"));
    SignedRecord newer = record(BOB, 1, "b");
    put(kit, older, ExpectedSequence.ANY);
    put(kit, newer, ExpectedSequence.ANY);

    assertEquals(List.of(newer, older), get(kit));
  }

  @Test
  void store_shouldSucceedWithoutAnEventWhenTheRecordIsAlreadyStored() {
    var kit = store(settings());
    SignedRecord r = record(ALICE, 1, "a");
    assertStored(kit, r);

    var repeat = put(kit, r, ExpectedSequence.ABSENT);

    assertEquals(StorageActor.StoreReply.STORED, repeat.reply());
    assertTrue(repeat.hasNoEvents());
  }
}
