package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.lookup.FakeNetwork.Fault;
import io.kadence.node.lookup.PutResult.ReplicaOutcome;
import io.kadence.node.lookup.PutResult.Status;
import io.kadence.node.transport.PeerRpc;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PutCoordinator} losing stores: spares, failed puts and compare-and-swap refusals. */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PutCoordinatorFailureTest extends PutCoordinatorFixture {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Override
  ActorTestKit testKit() {
    return testKit;
  }

  @Test
  void put_shouldFailWithTheCountsWhenTheClosestPeersAreDead() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(23), 7, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(0);
    for (NodeId dead : ids.subList(2, 7)) {
      network.setFault(dead, Fault.DEAD);
    }
    PutResult result = put(network, self, ExpectedSequence.ANY);
    assertFalse(result.success(), "two copies of a quorum of three is a failure");
    assertEquals(2, result.stored());
    assertEquals(3, result.quorum(), "the dead still count toward the quorum's size");
    assertEquals(List.of(network.contact(self), network.contact(ids.get(1))), result.replicaSet());
    assertEquals(ids.subList(2, 5), result.unreachable().stream().map(Contact::id).toList());
  }

  @Test
  void put_shouldFailWithEachReplicasOutcomeWhenMostReplicasDropTheStore() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(24), 30, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    for (NodeId dropper : List.of(ids.get(0), ids.get(2), ids.get(4))) {
      network.setFault(dropper, Fault.DROPS_STORES);
    }
    List<Contact> replicas = network.closestLive(KEY.id(), 5, self);
    List<Contact> spares = network.closestLive(KEY.id(), 8, self).subList(5, 8);
    PutResult result = put(network, self, ExpectedSequence.ANY);
    assertFalse(result.success(), "spares keep copies, they never make the quorum");
    assertEquals(2, result.stored());
    assertEquals(3, result.quorum());
    assertEquals(List.of(Status.TIMED_OUT, Status.STORED, Status.TIMED_OUT, Status.STORED,
        Status.TIMED_OUT), result.outcomes().stream().map(ReplicaOutcome::status).toList());
    assertEquals(List.of(), result.unreachable(), "they answered the lookup");
    assertEquals(replicas, result.replicaSet());
    // One spare per lost store, the next closest first: the record has its five copies.
    for (Contact spare : spares) {
      assertEquals(Optional.of(record), network.heldBy(spare.id(), KEY, record.publisherId()),
          "spare " + spare);
    }
    assertEquals(8, stores(network), "five replicas and three spares");
  }

  @Test
  void put_shouldBackAStoreLostAfterItsQuorumWithTheNextClosestPeer() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(30), 30, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    List<Contact> closest = network.closestLive(KEY.id(), 7, self);
    network.setFault(closest.get(1).id(), Fault.DROPS_STORES);
    PutResult result = put(network, self, ExpectedSequence.ANY);
    assertTrue(result.success());
    assertEquals(closest.subList(0, 5), result.replicaSet());
    // The put answered at its quorum; its coordinator lived on until the dropped store timed
    // out (put() waits for it to stop) and sent the record to the sixth closest instead.
    assertEquals(Optional.of(record),
        network.heldBy(closest.get(5).id(), KEY, record.publisherId()));
    assertEquals(Optional.empty(), network.heldBy(closest.get(6).id(), KEY, record.publisherId()),
        "one lost store, one spare");
    assertEquals(6, stores(network));
  }

  @Test
  void put_shouldPassTheRecordOnToTheNextSpareWhenASpareLosesItToo() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(30), 30, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    List<Contact> closest = network.closestLive(KEY.id(), 8, self);
    network.setFault(closest.get(1).id(), Fault.DROPS_STORES);
    network.setFault(closest.get(5).id(), Fault.DROPS_STORES);
    PutResult result = put(network, self, ExpectedSequence.ANY);
    assertTrue(result.success());
    assertEquals(Optional.of(record),
        network.heldBy(closest.get(6).id(), KEY, record.publisherId()), "the second spare");
    assertEquals(Optional.empty(), network.heldBy(closest.get(7).id(), KEY, record.publisherId()));
    assertEquals(7, stores(network), "five replicas and two spares");
  }

  @Test
  void put_shouldReportEveryRefusalAndSendNoSpareWhenTheCompareAndSwapConditionFails() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(25), 20, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    PutResult result = put(network, self, ExpectedSequence.of(7));
    assertFalse(result.success());
    assertEquals(0, result.stored());
    for (ReplicaOutcome outcome : result.outcomes()) {
      assertEquals(Status.REFUSED, outcome.status());
      assertEquals(Optional.of(StoreRefusal.CAS_MISMATCH), outcome.refusal());
    }
    assertEquals(5, stores(network), "a refusal is an answer: no copy was lost, no spare");
  }

  @Test
  void put_shouldFailExplicitlyWhenItsLookupStopsWithoutAReport() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(26), 10, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(0);
    PeerRpc broken = Fixtures.brokenRpc();
    PutResult result = put(network, broken, self, ExpectedSequence.ANY);
    assertFalse(result.success());
    assertEquals(0, result.stored());
    assertTrue(result.lookup().timedOut(), "the lookup's report is an empty partial one");
  }
}
