package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.SELF;
import static io.kadence.node.storage.StorageFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.settings.StorageSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The store on the peer's real H2 journal keeps every acknowledged record across restarts. */
@ExtendWith(LogCapturingExtension.class)
class StorageDurabilityTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant CREATED = Instant.now();

  @TempDir Path dir;

  /** A running peer system with the store spawned on {@code dir}. */
  private record Peer(ActorTestKit kit, ActorRef<StorageActor.Command> store, StoreView view) {
    StorageLocalStore local() {
      return new StorageLocalStore(store, view, Clock.systemUTC(), kit.system().scheduler(), WAIT);
    }

    StorageActor.StorageStats stats() {
      TestProbe<StorageActor.StorageStats> probe = kit.createTestProbe();
      store.tell(new StorageActor.GetStats(probe.getRef()));
      return probe.receiveMessage(WAIT);
    }

    HashSet<SignedRecord> records() {
      TestProbe<StorageActor.RecordList> probe = kit.createTestProbe();
      store.tell(new StorageActor.ListRecords(probe.getRef()));
      return new HashSet<>(probe.receiveMessage(WAIT).records());
    }

    void stop() {
      kit.shutdownTestKit();
    }
  }

  private Peer start(Path data, StorageSettings settings) {
    ActorTestKit kit = ActorTestKit.create(PekkoConfig.SYSTEM_NAME,
        PekkoConfig.forPeer("127.0.0.1", 0, data, ConfigFactory.empty()));
    JournalSchema.ensureBlocking(kit.system(), Duration.ofSeconds(30));
    StoreView view = new StoreView();
    return new Peer(kit, kit.spawn(StorageActor.create(SELF, settings, Clock.systemUTC(), view)),
        view);
  }

  private static SignedRecord record(NodeKeyPair publisher, int i, long sequence) {
    return SignedRecord.create(publisher, Key.of("durable-" + i), sequence, CREATED,
        Duration.ofHours(1), ("value " + i + "/" + sequence).getBytes());
  }

  /** Stores through the LocalStore, all in flight at once; every one must be acknowledged. */
  private static void storeAll(Peer peer, List<SignedRecord> records) {
    List<CompletableFuture<Optional<?>>> acks = new ArrayList<>();
    for (SignedRecord r : records) {
      acks.add(peer.local().store(r, ExpectedSequence.ANY).toCompletableFuture()
          .thenApply(refusal -> refusal));
    }
    acks.forEach(ack -> assertEquals(Optional.empty(), ack.join()));
  }

  /** 300 stores, 20 replacements, a second publisher on 10 keys and 15 records handed off. */
  private static void writeMixedHistory(Peer peer) {
    List<SignedRecord> first = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      first.add(record(ALICE, i, 1));
    }
    storeAll(peer, first);
    storeAll(peer, first.subList(0, 20).stream().map(r -> record(ALICE, indexOf(r), 2)).toList());
    storeAll(peer, first.subList(100, 110).stream().map(r -> record(BOB, indexOf(r), 1)).toList());
    TestProbe<Done> done = peer.kit().createTestProbe();
    peer.store().tell(new StorageActor.HandedOff(first.subList(10, 35), done.getRef()));
    done.receiveMessage(WAIT);
  }

  private static int indexOf(SignedRecord r) {
    for (int i = 0; ; i++) {
      if (Key.of("durable-" + i).equals(r.key())) {
        return i;
      }
    }
  }

  @Test
  void restart_shouldRecoverEveryAcknowledgedRecordWhenReplayingEvents() {
    Peer peer = start(dir, settings(10_000, 1 << 20, 4, 100_000));
    writeMixedHistory(peer);
    HashSet<SignedRecord> before = peer.records();
    StorageActor.StorageStats statsBefore = peer.stats();
    peer.stop();

    Peer again = start(dir, settings(10_000, 1 << 20, 4, 100_000));
    try {
      assertEquals(300 - 15 + 10, before.size(), "10 of the 25 handed off were replaced since");
      assertEquals(before, again.records());
      assertEquals(statsBefore.valueBytes(), again.stats().valueBytes());
      assertEquals(List.of(record(ALICE, 5, 2)),
          again.local().get(Key.of("durable-5")).toCompletableFuture().join());
    } finally {
      again.stop();
    }
  }

  @Test
  void restart_shouldRecoverEveryAcknowledgedRecordWhenASnapshotWasTaken() throws SQLException {
    Peer peer = start(dir, settings(10_000, 1 << 20, 4, 50));
    writeMixedHistory(peer);
    HashSet<SignedRecord> before = peer.records();
    peer.stop();

    Peer again = start(dir, settings(10_000, 1 << 20, 4, 50));
    try {
      assertEquals(before, again.records());
      assertTrue(count("snapshot") >= 1, "a snapshot was saved");
      assertTrue(count("event_journal") < 300 + 20 + 10 + 1, "old events were deleted");
      // Writing on after a recovery from a snapshot continues the journal's sequence numbers.
      storeAll(again, List.of(record(BOB, 500, 1), record(BOB, 501, 1)));
      before = again.records();
    } finally {
      again.stop();
    }
    Peer third = start(dir, settings(10_000, 1 << 20, 4, 50));
    try {
      assertEquals(before, third.records());
    } finally {
      third.stop();
    }
  }

  private long count(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(PekkoConfig.journalUrl(dir));
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM \"" + table + "\" WHERE NOT " + deletedColumn(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String deletedColumn(String table) {
    return table.equals("event_journal") ? "\"deleted\"" : "FALSE";
  }
}
