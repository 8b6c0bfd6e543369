package io.kadence.node.storage;

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
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.settings.StorageSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store view, failed journal writes, and recovery from snapshots and events on restart. */
@ExtendWith(LogCapturingExtension.class)
class StorageActorRecoveryTest extends StorageActorFixture {
  static final ActorTestKit system = ActorTestKit.create(StorageTestSystems.inMemory());

  StorageActorRecoveryTest() {
    super(system);
  }

  @AfterAll
  static void stop() {
    system.shutdownTestKit();
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
