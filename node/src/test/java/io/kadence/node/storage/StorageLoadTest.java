package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.SELF;
import static io.kadence.node.storage.StorageFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.settings.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store under a burst and at recovery, on the peer's real H2 journal. Times are printed for
 * the record, never asserted.
 */
@ExtendWith(LogCapturingExtension.class)
class StorageLoadTest {
  private static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir Path dir;

  private static ActorTestKit system(Path data) {
    ActorTestKit kit = ActorTestKit.create(PekkoConfig.SYSTEM_NAME,
        PekkoConfig.forPeer("127.0.0.1", 0, data, ConfigFactory.empty()));
    JournalSchema.ensureBlocking(kit.system(), Duration.ofSeconds(30));
    return kit;
  }

  private static List<SignedRecord> records(int n) {
    Instant now = Instant.now();
    return IntStream.range(0, n).mapToObj(i -> SignedRecord.create(ALICE, Key.of("load-" + i), 1,
        now, Duration.ofHours(1), new byte[64])).toList();
  }

  /** Sends every store at once, then waits for every reply; returns the elapsed milliseconds. */
  private static long burst(ActorTestKit kit, ActorRef<StorageActor.Command> store,
      List<SignedRecord> records) {
    TestProbe<StorageActor.StoreReply> replies = kit.createTestProbe();
    long start = System.nanoTime();
    records.forEach(r -> store.tell(new StorageActor.Store(r, ExpectedSequence.ANY,
        replies.getRef())));
    List<StorageActor.StoreReply> all = replies.receiveSeveralMessages(records.size(), WAIT);
    long millis = (System.nanoTime() - start) / 1_000_000;
    all.forEach(reply -> assertEquals(StorageActor.StoreReply.STORED, reply));
    replies.expectNoMessage(Duration.ofMillis(100));
    return millis;
  }

  private static StorageActor.StorageStats stats(ActorTestKit kit,
      ActorRef<StorageActor.Command> store) {
    TestProbe<StorageActor.StorageStats> probe = kit.createTestProbe();
    store.tell(new StorageActor.GetStats(probe.getRef()));
    return probe.receiveMessage(WAIT);
  }

  @Test
  void store_shouldReplyToEveryCommandWhenTenThousandArriveInOneBurst() {
    ActorTestKit kit = system(dir);
    try {
      ActorRef<StorageActor.Command> store =
          kit.spawn(StorageActor.create(SELF, settings(), Clock.systemUTC(), new StoreView()));

      long millis = burst(kit, store, records(10_000));

      assertEquals(10_000, stats(kit, store).records());
      System.out.printf("burst of 10,000 stores on H2: every one acknowledged in %d ms (%.0f/s)%n",
          millis, 10_000 * 1000.0 / millis);
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void recovery_shouldPrintItsDurationForFiveThousandRecordsWithAndWithoutSnapshots() {
    long events = recoveryMillis(dir.resolve("events"), settings(10_000, 1 << 20, 4, 100_000));
    long snapshot = recoveryMillis(dir.resolve("snapshot"), settings(10_000, 1 << 20, 4, 1000));
    System.out.printf("recovery of 5,000 records on H2: %d ms replaying 5,000 events, "
        + "%d ms from a snapshot%n", events, snapshot);
  }

  /** Stores 5,000 records, restarts the system and times the store's recovery. */
  private static long recoveryMillis(Path data, StorageSettings settings) {
    ActorTestKit first = system(data);
    try {
      ActorRef<StorageActor.Command> store =
          first.spawn(StorageActor.create(SELF, settings, Clock.systemUTC(), new StoreView()));
      long millis = burst(first, store, records(5_000));
      System.out.printf("5,000 stores, snapshot every %d: %d ms%n", settings.snapshotEvery(),
          millis);
    } finally {
      first.shutdownTestKit();
    }
    ActorTestKit second = system(data);
    try {
      long start = System.nanoTime();
      ActorRef<StorageActor.Command> store =
          second.spawn(StorageActor.create(SELF, settings, Clock.systemUTC(), new StoreView()));
      assertEquals(5_000, stats(second, store).records());
      return (System.nanoTime() - start) / 1_000_000;
    } finally {
      second.shutdownTestKit();
    }
  }
}
