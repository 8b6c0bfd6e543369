package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.dht.id.NodeId;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GetCoordinator}'s read repair: which replicas it asked, this node too, get the record. */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetCoordinatorRepairTest extends GetCoordinatorFixture {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Override
  ActorTestKit testKit() {
    return testKit;
  }

  @Test
  void get_shouldRepairAStaleReplicaAndAReplicaMissingTheRecord() {
    FakeNetwork network = network(ids);
    holds(network, alice1, 1);
    holds(network, alice2, 2, 3, 4);
    GetResult result = get(network, self, Fixtures.settings(READ_ALL));
    assertEquals(List.of(alice2), result.records());
    assertEquals(List.of(new Repair(network.contact(ids.get(0)), alice2, false),
        new Repair(network.contact(ids.get(1)), alice2, true)), result.repairs());
    for (int replica = 0; replica < 5; replica++) {
      assertEquals(replica < 2 ? List.of(alice2) : List.of(), network.storesTo(ids.get(replica)));
      assertEquals(Optional.of(alice2), network.heldBy(ids.get(replica), KEY, alice2.publisherId()));
    }
  }

  @Test
  void get_shouldRepairTheLocalStoreWhenThisNodeIsAStaleReplica() {
    FakeNetwork network = network(ids);
    NodeId closest = ids.get(0);
    holds(network, alice1, 0);
    holds(network, alice2, 1, 2, 3, 4);
    GetResult result = get(network, closest, Fixtures.settings(READ_ALL));
    assertEquals(List.of(alice2), result.records());
    assertEquals(1, result.localRecords());
    assertEquals(List.of(new Repair(network.contact(closest), alice2, true)), result.repairs());
    assertEquals(Optional.of(alice2), network.heldBy(closest, KEY, alice2.publisherId()));
  }

  @Test
  void get_shouldLeaveThisNodeAloneWhenItIsNotAReplicaAndTheQuorumAnswered() {
    FakeNetwork network = network(ids);
    holds(network, alice2, 0, 1, 2, 3, 4);
    // The read quorum is 3: the get hears from three or four peers, and this node, the farthest
    // of 30, is closer than none of the replicas it knows of.
    GetResult result = get(network, self, Fixtures.settings(""));
    assertEquals(List.of(alice2), result.records());
    assertEquals(List.of(), result.repairs());
    assertEquals(Optional.empty(), network.heldBy(self, KEY, alice2.publisherId()));
  }

  @Test
  void get_shouldRepairTheReplicasItAskedAndNoOtherPeer() {
    FakeNetwork network = network(ids);
    // r0 and r4 lack the record. The lookup asks the closest first, hears r0 answer without a
    // value and asks on until three values came; r4 may or may not have been asked by then.
    holds(network, alice2, 1, 2, 3);
    GetResult result = get(network, self, Fixtures.settings(""));
    assertEquals(List.of(alice2), result.records());
    List<NodeId> repaired = result.repairs().stream().map(r -> r.replica().id()).toList();
    List<NodeId> expected = findValuesTo(network, ids.get(4)) > 0
        ? List.of(ids.get(0), ids.get(4)) : List.of(ids.get(0));
    assertEquals(expected, repaired, "the replicas asked that lacked the record, and only they");
  }
}
