package io.kadence.node.storage;

import io.kadence.crypto.testing.ManualClock;
import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.CAROL;
import static io.kadence.node.storage.StorageFixtures.HOUR;
import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.SELF;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.bytes;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.settings;
import static io.kadence.node.storage.StorageFixtures.signedRaw;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.settings.StorageSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store's commands against the persistence testkit's journal, events serialized by Kryo. */
@ExtendWith(LogCapturingExtension.class)
class StorageActorTest {
  static final ActorTestKit system = ActorTestKit.create(StorageTestSystems.inMemory());
  private static final AtomicInteger ids = new AtomicInteger();

  private final ManualClock clock = new ManualClock(T0);
  private PersistenceId persistenceId;

  @AfterAll
  static void stop() {
    system.shutdownTestKit();
  }

  /** A store with its own persistence id, so tests do not share a journal. */
  private EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> store(
      StorageSettings settings) {
    return store(settings, new StoreView());
  }

  /** A store with its own persistence id that keeps {@code view}. */
  private EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> store(
      StorageSettings settings, StoreView view) {
    persistenceId = PersistenceId.ofUniqueId("storage-test-" + ids.incrementAndGet());
    return EventSourcedBehaviorTestKit.create(system.system(),
        StorageActor.create(persistenceId, SELF, settings, clock, view),
        EventSourcedBehaviorTestKit.enabledSerializationSettings()
            .withVerifyCommands(false).withVerifyState(false).withVerifyEquality(true));
  }

  private static CommandResultWithReply<StorageActor.Command, StorageEvent, StoreState,
      StorageActor.StoreReply> put(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit,
      SignedRecord record, ExpectedSequence expected) {
    return kit.runCommand(replyTo -> new StorageActor.Store(record, expected, replyTo));
  }

  private static void assertStored(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit,
      SignedRecord record) {
    var result = put(kit, record, ExpectedSequence.ANY);
    assertEquals(StorageActor.StoreReply.STORED, result.reply());
    assertEquals(List.of(new StorageEvent.RecordStored(record, T0.toEpochMilli())), result.events());
  }

  private static void assertRefused(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit,
      SignedRecord record, ExpectedSequence expected, StoreRefusal reason) {
    var result = put(kit, record, expected);
    assertEquals(Optional.of(reason), result.reply().refusal());
    assertTrue(result.hasNoEvents(), "a refusal persists nothing");
  }

  private List<SignedRecord> get(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit) {
    return kit.getState().live(KEY, clock.instant());
  }

  private static StorageActor.StorageStats stats(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit) {
    return kit.<StorageActor.StorageStats>runCommand(StorageActor.GetStats::new).reply();
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

  @Test
  void view_shouldFollowWhatIsPersistedWhenRecordsAreStoredHandedOffSweptAndRecovered() {
    StoreView view = new StoreView();
    var kit = store(settings(), view);
    SignedRecord alice = record(ALICE, 1, "a");
    SignedRecord bob = record(BOB, 1, "b");
    assertStored(kit, alice);
    assertTrue(view.recovered().isDone());
    assertStored(kit, bob);
    assertEquals(Set.copyOf(get(kit)), Set.copyOf(view.live(KEY, clock.instant())),
        "an acknowledged store is in the view");

    kit.<Done>runCommand(r -> new StorageActor.HandedOff(List.of(bob), r));
    assertEquals(List.of(alice), view.live(KEY, clock.instant()));

    // A key the journal never held (as after a write that failed): recovery drops it.
    Key stray = Key.of("stray");
    view.publish(StoreState.of(4, List.of(record(BOB, stray, 1, T0, HOUR, bytes("x")))),
        List.of(stray));
    kit.restart();
    assertEquals(List.of(), view.live(stray, clock.instant()));
    assertEquals(List.of(alice), view.live(KEY, clock.instant()));

    clock.advance(HOUR);
    assertEquals(List.of(), view.live(KEY, clock.instant()), "expiry is checked on read");
    kit.runCommand(StorageActor.sweepExpiredTick());
    assertEquals(0, view.keyCount());
  }

  @Test
  void view_shouldNeverShowARecordWhenItsJournalWriteFailed() {
    StoreView view = new StoreView();
    PersistenceId id = PersistenceId.ofUniqueId("storage-fail-" + ids.incrementAndGet());
    ActorRef<StorageActor.Command> store =
        system.spawn(StorageActor.create(id, SELF, settings(), clock, view));
    SignedRecord alice = record(ALICE, 1, "a");
    assertEquals(StorageActor.StoreReply.STORED, storeOnce(store, alice, Duration.ofSeconds(10)));

    // The journal fails the next write, after noting what the view showed at that moment: Pekko
    // has already applied the event to the actor's state, so a view fed from the state would
    // show the record here, before the journal has it.
    PersistenceTestKit journal = PersistenceTestKit.create(system.system());
    AtomicReference<List<SignedRecord>> atWrite = new AtomicReference<>();
    journal.failNextNOpsCond((pid, op) -> {
      boolean write = pid.equals(id.id()) && op instanceof WriteEvents;
      if (write) {
        atWrite.set(view.live(KEY, clock.instant()));
      }
      return write;
    }, 1, new IOException("disk full (test)"));
    SignedRecord bob = record(BOB, 1, "b");
    TestProbe<StorageActor.StoreReply> bobReplies = system.createTestProbe();
    store.tell(new StorageActor.Store(bob, ExpectedSequence.ANY, bobReplies.getRef()));

    // The actor restarts with backoff and recovers from the journal; commands that arrive
    // meanwhile may be dropped with the failed incarnation, so the next store is retried.
    SignedRecord carol = record(CAROL, 1, "c");
    StorageActor.StoreReply carolReply = null;
    for (int attempt = 0; attempt < 20 && carolReply == null; attempt++) {
      carolReply = storeOnce(store, carol, Duration.ofSeconds(1));
    }
    assertEquals(StorageActor.StoreReply.STORED, carolReply);
    assertEquals(List.of(alice), atWrite.get(), "the view at the failing write");
    assertEquals(Set.of(alice, carol), Set.copyOf(view.live(KEY, clock.instant())));
    bobReplies.expectNoMessage(Duration.ofMillis(100));
    assertEquals(List.of(new StorageEvent.RecordStored(alice, T0.toEpochMilli()),
            new StorageEvent.RecordStored(carol, T0.toEpochMilli())),
        journal.persistedInStorage(id.id()));
  }

  @Test
  void store_shouldStoreWhatWasQueuedBehindAFailedWriteWhenTheStoreHasRecovered()
      throws Exception {
    StoreView view = new StoreView();
    PersistenceId id = PersistenceId.ofUniqueId("storage-queued-" + ids.incrementAndGet());
    ActorRef<StorageActor.Command> store =
        system.spawn(StorageActor.create(id, SELF, settings(), clock, view));
    // Alice's write waits in the journal until Bob's and Carol's stores have been sent, so the
    // store takes both up together once it is written; a batch holds one store per key, so
    // Bob's is written first, and that write fails, with Carol's still queued behind it.
    PersistenceTestKit journal = PersistenceTestKit.create(system.system());
    CountDownLatch bothSent = new CountDownLatch(1);
    AtomicInteger writes = new AtomicInteger();
    journal.failNextNOpsCond((pid, op) -> {
      if (!pid.equals(id.id()) || !(op instanceof WriteEvents)) {
        return false;
      }
      int write = writes.incrementAndGet();
      if (write == 1) {
        awaitQuietly(bothSent);
      }
      return write == 2;
    }, 1, new IOException("disk full (test)"));
    SignedRecord alice = record(ALICE, 1, "a");
    SignedRecord bob = record(BOB, 1, "b");
    SignedRecord carol = record(CAROL, 1, "c");
    TestProbe<StorageActor.StoreReply> replies = system.createTestProbe();
    TestProbe<StorageActor.StoreReply> bobReplies = system.createTestProbe();
    TestProbe<StorageActor.StoreReply> carolReplies = system.createTestProbe();
    store.tell(new StorageActor.Store(alice, ExpectedSequence.ANY, replies.getRef()));
    store.tell(new StorageActor.Store(bob, ExpectedSequence.ANY, bobReplies.getRef()));
    store.tell(new StorageActor.Store(carol, ExpectedSequence.ANY, carolReplies.getRef()));
    bothSent.countDown();

    // After the restart, Carol's queued store is written without a new command to prompt it.
    assertEquals(StorageActor.StoreReply.STORED, replies.receiveMessage(Duration.ofSeconds(10)));
    assertEquals(StorageActor.StoreReply.STORED,
        carolReplies.receiveMessage(Duration.ofSeconds(10)));
    bobReplies.expectNoMessage(Duration.ofMillis(100));
    assertEquals(Set.of(alice, carol), Set.copyOf(view.live(KEY, clock.instant())));
    assertEquals(List.of(new StorageEvent.RecordStored(alice, T0.toEpochMilli()),
            new StorageEvent.RecordStored(carol, T0.toEpochMilli())),
        journal.persistedInStorage(id.id()));
  }

  /** Waits for {@code latch} for at most 10 s (a journal callback cannot throw the timeout). */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One store of {@code record}: its reply, or null if none came within {@code wait}. */
  private StorageActor.StoreReply storeOnce(ActorRef<StorageActor.Command> store,
      SignedRecord record, Duration wait) {
    TestProbe<StorageActor.StoreReply> replies = system.createTestProbe();
    store.tell(new StorageActor.Store(record, ExpectedSequence.ANY, replies.getRef()));
    try {
      return replies.receiveMessage(wait);
    } catch (AssertionError noReply) {
      return null;
    }
  }

  @Test
  void create_shouldRefuseSettingsWhenOneSnapshotCannotHoldTheWholeStore() {
    StorageSettings roomy = settings();
    StorageSettings huge = new StorageSettings(5, 3, roomy.defaultTtl(), roomy.maxTtl(),
        roomy.maxClockSkew(), 1024, 10_000_000, 4L << 30, 4, 1000, roomy.republishInterval(),
        roomy.replicationDebounce(), roomy.replicationInFlight(), roomy.expirySweepInterval(),
        roomy.storeTimeout());

    assertThrows(IllegalArgumentException.class, () -> StorageActor.create(SELF, huge, clock, new StoreView()));
  }

  @Test
  void restart_shouldRecoverTheSameStateWhenRecoveringFromASnapshotAndEvents() {
    var kit = store(settings(100, 1 << 20, 4, 3));
    for (int i = 0; i < 7; i++) {
      assertStored(kit, sized(ALICE, i, 10 + i));
    }
    assertStored(kit, sized(BOB, 1, 5));
    kit.<Done>runCommand(r -> new StorageActor.HandedOff(List.of(sized(ALICE, 0, 10)), r));
    clock.advance(HOUR);
    SignedRecord late = record(CAROL, KEY, 1, T0.plus(HOUR), HOUR, bytes("late"));
    put(kit, late, ExpectedSequence.ANY);
    List<SignedRecord> before = kit.getState().allHeld();
    var statsBefore = stats(kit);

    StoreState after = kit.restart().state();

    assertEquals(before, after.allHeld());
    assertEquals(statsBefore.valueBytes(), after.valueBytes());
    assertEquals(statsBefore.keys(), after.keyCount());
    assertEquals(List.of(late), after.allLive(clock.instant()));
    var snapshots = kit.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId.id());
    assertInstanceOf(byte[].class, snapshots.get(snapshots.size() - 1).second());
    assertTrue(kit.persistenceTestKit().persistedInStorage(persistenceId.id()).size() < 10,
        "events covered by the older snapshot are deleted");
  }
}
