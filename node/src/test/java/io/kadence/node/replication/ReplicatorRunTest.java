package io.kadence.node.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A re-replication run: each copy sent once, debounced, retried after failed stores or reads. */
@ExtendWith(LogCapturingExtension.class)
class ReplicatorRunTest extends ReplicatorFixture {
  private static final ActorTestKit KIT = ActorTestKit.create();

  ReplicatorRunTest() {
    super(KIT);
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void peersChanged_shouldSendEachRecordToItsReplicaSetOnceWhenPeersConfirm() {
    ActorRef<Replicator.Command> replicator = replicator();
    replicator.tell(new Replicator.PeersChanged());
    replicator.tell(new Replicator.PeersChanged()); // debounced into one run
    TestProbe<Void> probe = KIT.createTestProbe();
    probe.awaitAssert(WAIT, () -> {
      assertEquals(expected(true), Set.copyOf(rpc.stores));
      return null;
    });
    int sent = rpc.stores.size();
    assertEquals(sent, Set.copyOf(rpc.stores).size(), "no pair sent twice");
    // Everything is confirmed: another membership change sends nothing new.
    replicator.tell(new Replicator.PeersChanged());
    TestProbe<Replicator.RunResult> result = KIT.createTestProbe();
    replicator.tell(new Replicator.HandOff(result.getRef())); // queued after the run
    result.receiveMessage(WAIT);
    assertEquals(sent + expected(false).size(), rpc.stores.size(),
        "the second re-replication sent nothing; only the hand-off did");
  }

  @Test
  void peersChanged_shouldStopSendingToAPeerWithinARunOnceItsStoreFailed() {
    Contact deadPeer = peers.get(0);
    rpc.dead.add(deadPeer.id());
    ActorRef<Replicator.Command> replicator = replicator();
    replicator.tell(new Replicator.PeersChanged());
    Set<Map.Entry<NodeId, SignedRecord>> toLive = new HashSet<>(expected(true));
    toLive.removeIf(pair -> pair.getKey().equals(deadPeer.id()));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(toLive, Set.copyOf(rpc.stores));
      return null;
    });
    assertTrue(rpc.calls.get() - rpc.stores.size() <= 4,
        "at most the STOREs in flight when the first one failed went to the dead peer, got "
            + (rpc.calls.get() - rpc.stores.size()));

    // The next run leaves the failed peer out while it backs off: nothing is sent at all.
    int calls = rpc.calls.get();
    TestProbe<Replicator.RunResult> runs = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    assertEquals(0, runs.receiveMessage(WAIT).sends());
    assertEquals(calls, rpc.calls.get());
  }

  @Test
  void rereplicate_shouldTryAgainWhenTheRecordsCouldNotBeRead() {
    ReplicatorSettings settings = new ReplicatorSettings(REPLICATION, Duration.ofMillis(50),
        Duration.ofHours(1), Duration.ofSeconds(1), 4, 10_000);
    AtomicInteger reads = new AtomicInteger();
    RecordSource busyOnce = () -> reads.getAndIncrement() == 0
        ? CompletableFuture.failedFuture(new IllegalStateException("store busy"))
        : CompletableFuture.completedFuture(List.copyOf(records));
    ActorRef<Replicator.Command> replicator =
        KIT.spawn(Replicator.create(self, settings, rpc, busyOnce, view, Set::of));
    TestProbe<Replicator.RunResult> probe = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(probe.getRef()));
    assertEquals(Optional.of("store busy"), probe.receiveMessage(WAIT).error());

    // Nothing else asks for a run: the retry, 5 s later, sends every record's copies.
    probe.awaitAssert(Duration.ofSeconds(15), () -> {
      assertEquals(expected(true), new HashSet<>(rpc.stores));
      return null;
    });
  }
}
