package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.FakeNetwork.Fault;
import io.kadence.node.lookup.PutResult.Status;
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

/** {@link PutCoordinator}'s replica set, quorum and acknowledgement, slow replicas included. */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PutCoordinatorTest extends PutCoordinatorFixture {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Override
  ActorTestKit testKit() {
    return testKit;
  }

  @Test
  void put_shouldStoreOnTheReplicationClosestAndAnswerOnceItsQuorumStored() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(20), 60, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    PutResult result = put(network, self, ExpectedSequence.ANY);
    List<Contact> replicas = network.closestLive(KEY.id(), 5, self);
    assertTrue(result.success());
    assertEquals(3, result.quorum());
    assertEquals(3, result.stored(), "answered at the quorum, not at the last replica");
    assertEquals(2, result.pending());
    assertEquals(replicas, result.replicaSet());
    assertFalse(result.degraded(), "three stored and two still storing");
    assertFalse(result.soleCopy());
    for (Contact replica : replicas) {
      assertEquals(Optional.of(record), network.heldBy(replica.id(), KEY, record.publisherId()));
    }
    assertEquals(5, stores(network), "no store went beyond the replica set");
  }

  @Test
  void put_shouldFindTheReplicaSetAskingOnlyAboutItsPutWidthOfPeers() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(28), 60, KEY.id());
    NodeId self = ids.get(ids.size() - 1);
    String k20 = "kadence.routing.k = 20\nkadence.lookup.put-width = ";
    FakeNetwork network = network(ids);
    List<Contact> replicas = network.closestLive(KEY.id(), 5, self);
    PutResult narrow = put(network, network, self, ExpectedSequence.ANY,
        Fixtures.settings(k20 + "5"));
    long narrowAsked = findNodes(network);
    FakeNetwork same = network(ids);
    PutResult wide = put(same, same, self, ExpectedSequence.ANY, Fixtures.settings(k20 + "20"));
    long wideAsked = findNodes(same);
    assertEquals(replicas, narrow.replicaSet());
    assertEquals(replicas, wide.replicaSet());
    assertTrue(narrow.success() && wide.success());
    // Converging on the 5 closest asks those 5 and whoever the first answers pushed out of
    // them (6 here); converging on 20 asks every peer it hears of near the key (19 here).
    assertTrue(narrowAsked <= 5 + 2 * 3, "asked " + narrowAsked);
    assertTrue(wideAsked > 2 * narrowAsked, "asked " + wideAsked + ", narrow " + narrowAsked);
  }

  @Test
  void put_shouldStoreLocallyWhenSelfIsAmongTheClosest() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(21), 30, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(2);
    PutResult result = put(network, self, ExpectedSequence.ANY);
    assertTrue(result.success());
    assertEquals(5, result.stored() + result.pending());
    assertEquals(self, result.replicaSet().get(2).id());
    // The fake's stores land when sent, whether or not the put waited for their answers.
    assertEquals(Optional.of(record), network.heldBy(self, KEY, record.publisherId()));
  }

  @Test
  void put_shouldFailWithItsOwnCopyOnlyWhileTheClusterCountsOtherPeers() {
    // No contacts in the table, but 64 peers in the cluster: not a lone node, so its own copy
    // is one of the 3 stores it needs, and the put is not acknowledged.
    FakeNetwork network = new FakeNetwork(8, Fixtures.validator(), Fixtures.CLOCK, 16);
    NodeId self = network.add(NodeId.random(new Random(22))).id();
    PutResult result = put(network, network, self, ExpectedSequence.ANY, settings, () -> 64);
    assertFalse(result.success());
    assertEquals(1, result.stored());
    assertEquals(3, result.quorum());
  }

  @Test
  void put_shouldSucceedWithTheOnlyCopyWhenTheNodeIsAlone() {
    FakeNetwork network = new FakeNetwork(8, Fixtures.validator(), Fixtures.CLOCK, 16);
    NodeId self = network.add(NodeId.random(new Random(22))).id();
    PutResult result = put(network, self, ExpectedSequence.ANY);
    assertTrue(result.success());
    assertEquals(1, result.stored());
    assertEquals(1, result.quorum());
    assertTrue(result.soleCopy(), "the lone node holds the only copy");
    assertTrue(result.degraded());
    assertEquals(List.of(network.contact(self)), result.replicaSet());
    assertEquals(Optional.of(record), network.heldBy(self, KEY, record.publisherId()));
  }

  @Test
  void put_shouldKeepASlowReplicaInItsReplicaSetWhenItAnswersWithinTheRequestTimeout() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(27), 60, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    List<Contact> replicas = network.closestLive(KEY.id(), 5, self);
    network.setFault(replicas.get(1).id(), Fault.SLOW);
    network.setSlowDelay(1_000);
    // A get's lookup would give the slow replica up after 500 ms (give-up-min) and leave it out;
    // a put's waits for it: the replicator presumes the record held by the set it computes.
    PutResult result = put(network, network, self, ExpectedSequence.ANY,
        Fixtures.settings("kadence.lookup { request-timeout = 5 s, timeout = 8 s }"));
    assertEquals(replicas, result.replicaSet());
    assertEquals(Status.PENDING, result.outcomes().get(1).status(),
        "the slow replica is in the set, its store still in flight when the quorum stored");
  }

  @Test
  void put_shouldCountStoresSlowerThanALookupRequestWithinTheStoreTimeout() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(31), 30, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    List<Contact> replicas = network.closestLive(KEY.id(), 5, self);
    for (int i = 0; i < 3; i++) {
      network.setFault(replicas.get(i).id(), Fault.SLOW_STORES);
    }
    network.setSlowDelay(1_000);
    // Only two replicas store at once: the quorum of 3 needs a STORE that takes longer than a
    // lookup request may.
    PutResult result = put(network, network, self, ExpectedSequence.ANY, Fixtures.settings(
        "kadence.lookup.request-timeout = 300 ms\nkadence.storage.store-timeout = 3 s"));
    assertTrue(result.success(), () -> "a persisting replica is not a failed one: " + result);
    assertEquals(replicas, result.replicaSet());
  }

  @Test
  void put_shouldAnswerAtItsQuorumWithoutWaitingForAReplicaThatNeverAnswersStores() {
    List<NodeId> ids = Fixtures.idsByDistance(new Random(29), 30, KEY.id());
    FakeNetwork network = network(ids);
    NodeId self = ids.get(ids.size() - 1);
    List<Contact> replicas = network.closestLive(KEY.id(), 5, self);
    network.setFault(replicas.get(0).id(), Fault.DROPS_STORES);
    PutResult result = put(network, network, self, ExpectedSequence.ANY,
        Fixtures.settings("kadence.lookup { request-timeout = 5 s, timeout = 8 s }"));
    assertTrue(result.success());
    assertEquals(3, result.stored());
    assertEquals(Status.PENDING, result.outcomes().get(0).status(),
        "answered before the dropped store timed out");
    assertEquals("no answer yet when the put was acknowledged", result.outcomes().get(0).detail());
  }

  private static long findNodes(FakeNetwork network) {
    return network.calls().stream()
        .filter(call -> call.request() instanceof io.kadence.dht.wire.Message.FindNode).count();
  }
}
