package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.HOUR;
import static io.kadence.node.storage.StorageFixtures.SELF;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.settings.StorageSettings;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records leaving the store: hidden once expired, removed by the expiry sweep, and handed off. */
@ExtendWith(LogCapturingExtension.class)
class StorageActorExpiryTest extends StorageActorFixture {
  static final ActorTestKit system = ActorTestKit.create(StorageTestSystems.inMemory());

  StorageActorExpiryTest() {
    super(system);
  }

  @AfterAll
  static void stop() {
    system.shutdownTestKit();
  }

  @Test
  void get_shouldHideARecordWhenItHasExpiredBeforeTheSweep() {
    var kit = store(settings());
    SignedRecord r = record(ALICE, 1, "a");
    assertStored(kit, r);

    clock.advance(HOUR);

    assertEquals(List.of(), get(kit));
    assertEquals(List.of(), kit.<StorageActor.RecordList>runCommand(StorageActor.ListRecords::new)
        .reply().records());
    assertEquals(1, stats(kit).records(), "held until swept");
    var sweep = kit.runCommand(StorageActor.sweepExpiredTick());
    assertEquals(List.of(new StorageEvent.RecordsExpired(List.of(RecordId.of(r)))), sweep.events());
    assertEquals(0, stats(kit).records());
    assertTrue(kit.runCommand(StorageActor.sweepExpiredTick()).hasNoEvents());
  }

  @Test
  void sweep_shouldRemoveExpiredRecordsWhenTheTimerFires() {
    StorageSettings settings = StorageFixtures.withSweepEvery(settings(), Duration.ofMillis(50));
    ActorRef<StorageActor.Command> store = system.spawn(StorageActor.create(
        PersistenceId.ofUniqueId("storage-sweep-" + ids.incrementAndGet()), SELF, settings, clock,
        new StoreView()));
    TestProbe<StorageActor.StoreReply> replies = system.createTestProbe();
    store.tell(new StorageActor.Store(record(ALICE, 1, "a"), ExpectedSequence.ANY,
        replies.getRef()));
    replies.expectMessage(StorageActor.StoreReply.STORED);
    TestProbe<StorageActor.StorageStats> stats = system.createTestProbe();

    clock.advance(HOUR);

    stats.awaitAssert(() -> assertRecordsHeld(0, store, stats));
  }

  /** Asks for the stats, asserts the count of records held and returns the stats. */
  private static StorageActor.StorageStats assertRecordsHeld(int expected,
      ActorRef<StorageActor.Command> store, TestProbe<StorageActor.StorageStats> probe) {
    store.tell(new StorageActor.GetStats(probe.getRef()));
    StorageActor.StorageStats stats = probe.receiveMessage();
    assertEquals(expected, stats.records());
    return stats;
  }

  @Test
  void handedOff_shouldRemoveOnlyRecordsThatAreExactlyTheStoredOnes() {
    var kit = store(settings());
    SignedRecord old = record(ALICE, 1, "a");
    SignedRecord bob = record(BOB, 1, "b");
    assertStored(kit, old);
    assertStored(kit, bob);
    SignedRecord replaced = record(ALICE, 2, "a2");
    assertStored(kit, replaced);

    var result = kit.<Done>runCommand(r -> new StorageActor.HandedOff(List.of(old, bob), r));

    assertEquals(Done.getInstance(), result.reply());
    assertEquals(List.of(new StorageEvent.RecordsHandedOff(List.of(RecordId.of(bob)))),
        result.events());
    assertEquals(List.of(replaced), get(kit));
  }
}
