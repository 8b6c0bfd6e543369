package io.kadence.node.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.routing.ContactsView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hand-off on leave: each record to its replica set but self, and which records got there. */
@ExtendWith(LogCapturingExtension.class)
class ReplicatorHandOffTest extends ReplicatorFixture {
  private static final ActorTestKit KIT = ActorTestKit.create();

  ReplicatorHandOffTest() {
    super(KIT);
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void handOff_shouldExcludeSelfAndReportIncompleteRecordsWhenAReplicaIsDead() {
    Contact deadPeer = peers.get(0);
    rpc.dead.add(deadPeer.id());
    TestProbe<Replicator.RunResult> probe = KIT.createTestProbe();
    replicator().tell(new Replicator.HandOff(probe.getRef()));
    Replicator.RunResult result = probe.receiveMessage(WAIT);
    Set<Map.Entry<NodeId, SignedRecord>> wanted = expected(false);
    assertEquals(records.size(), result.records());
    assertEquals(wanted.size(), result.sends());
    assertTrue(rpc.stores.stream().noneMatch(e -> e.getKey().equals(self.id())));
    for (SignedRecord r : records) {
      boolean needsDead = wanted.contains(Map.entry(deadPeer.id(), r));
      assertEquals(!needsDead, result.fullyReplicated().contains(r), "record " + r);
    }
    assertTrue(result.failed() > 0);
    assertFalse(result.error().isPresent());
  }

  @Test
  void handOff_shouldReportNothingHandedOffWhenThereIsNoOtherPeer() {
    ReplicatorSettings settings = new ReplicatorSettings(REPLICATION, Duration.ofMillis(50),
        Duration.ofHours(1), Duration.ofSeconds(1), 4, 10_000);
    ActorRef<Replicator.Command> alone = KIT.spawn(Replicator.create(self, settings, rpc,
        () -> CompletableFuture.completedFuture(List.copyOf(records)), new ContactsView(),
        Set::of));
    TestProbe<Replicator.RunResult> probe = KIT.createTestProbe();
    alone.tell(new Replicator.HandOff(probe.getRef()));
    Replicator.RunResult result = probe.receiveMessage(WAIT);
    assertEquals(records.size(), result.records());
    assertEquals(0, result.sends());
    assertTrue(result.fullyReplicated().isEmpty(), "a lone peer keeps every record");
  }
}
