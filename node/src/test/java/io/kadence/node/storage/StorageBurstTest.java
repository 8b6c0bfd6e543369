package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.SELF;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.settings;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.settings.StorageSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stores sent at once, which the store plans and writes in batches ({@link StoreBatch}): every
 * store gets the answer it would get if the stores were planned one after another, in order.
 */
@ExtendWith(LogCapturingExtension.class)
class StorageBurstTest {
  private static final ActorTestKit KIT = ActorTestKit.create(StorageTestSystems.inMemory());
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(T0);

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private record Sent(SignedRecord record, TestProbe<StorageActor.StoreReply> reply) {}

  private ActorRef<StorageActor.Command> spawn(PersistenceId id, StorageSettings settings) {
    return spawn(id, settings, new StoreView());
  }

  private ActorRef<StorageActor.Command> spawn(PersistenceId id, StorageSettings settings,
      StoreView view) {
    return KIT.spawn(StorageActor.create(id, SELF, settings, clock, view));
  }

  /** Sends every record at once, each with its own reply probe. */
  private static List<Sent> burst(ActorRef<StorageActor.Command> store,
      List<SignedRecord> records) {
    List<Sent> sent = new ArrayList<>();
    for (SignedRecord record : records) {
      TestProbe<StorageActor.StoreReply> probe = KIT.createTestProbe();
      store.tell(new StorageActor.Store(record, ExpectedSequence.ANY, probe.getRef()));
      sent.add(new Sent(record, probe));
    }
    return sent;
  }

  /** The records of KEY as readers see them: through the store's view, once recovered. */
  private List<SignedRecord> get(StoreView view) throws Exception {
    view.recovered().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    return view.live(KEY, clock.instant());
  }

  private static int records(ActorRef<StorageActor.Command> store) {
    TestProbe<StorageActor.StorageStats> probe = KIT.createTestProbe();
    store.tell(new StorageActor.GetStats(probe.getRef()));
    return probe.receiveMessage(WAIT).records();
  }

  @Test
  void burst_shouldAnswerEachStoreAsIfPlannedInOrderWhenSeveralShareAKey() throws Exception {
    PersistenceId id = PersistenceId.ofUniqueId("burst-" + IDS.incrementAndGet());
    StoreView view = new StoreView();
    ActorRef<StorageActor.Command> store = spawn(id, settings(), view);
    List<SignedRecord> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      records.add(sized(ALICE, i, 16));
      if (i % 30 == 0) {
        // Alice's slot of KEY: 5, 3 (older: refused), 7, 7 again (a repeat: stored), 6 (older).
        long sequence = new long[] {5, 3, 7, 7, 6, 8, 9, 10, 11, 12}[i / 30];
        records.add(record(ALICE, sequence, "v" + sequence));
      }
    }
    List<Sent> sent = burst(store, records);

    for (Sent s : sent) {
      StorageActor.StoreReply reply = s.reply().receiveMessage(WAIT);
      boolean older = s.record().key().equals(KEY)
          && (s.record().sequence() == 3 || s.record().sequence() == 6);
      assertEquals(older ? Optional.of(StoreRefusal.SEQUENCE_NOT_HIGHER) : Optional.empty(),
          reply.refusal(), "the answer to " + s.record());
    }
    assertEquals(List.of(record(ALICE, 12, "v12")), get(view));
    assertEquals(301, records(store));

    // All of it was persisted: a new incarnation recovers the same records.
    KIT.stop(store);
    StoreView recoveredView = new StoreView();
    ActorRef<StorageActor.Command> recovered = spawn(id, settings(), recoveredView);
    assertEquals(301, records(recovered));
    assertEquals(List.of(record(ALICE, 12, "v12")), get(recoveredView));
  }

  @Test
  void burst_shouldStoreUpToTheQuotaAndRefuseTheRestWhenABurstOverflowsIt() {
    PersistenceId id = PersistenceId.ofUniqueId("burst-" + IDS.incrementAndGet());
    ActorRef<StorageActor.Command> store = spawn(id, settings(10, 1 << 20, 4, 1000));
    List<SignedRecord> records = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      records.add(sized(i % 2 == 0 ? ALICE : BOB, i, 16));
    }
    List<Sent> sent = burst(store, records);

    for (int i = 0; i < sent.size(); i++) {
      assertEquals(i < 10 ? Optional.empty() : Optional.of(StoreRefusal.STORAGE_FULL),
          sent.get(i).reply().receiveMessage(WAIT).refusal(), "store " + i);
    }
    assertEquals(10, records(store));
  }
}
