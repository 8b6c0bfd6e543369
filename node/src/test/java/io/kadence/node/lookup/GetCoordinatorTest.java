package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.BOB;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.Message;
import io.kadence.node.lookup.RecordRepair.Repair;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link GetCoordinator} over a {@link FakeNetwork}: a get returns the newest valid record of
 * each publisher and repairs the replicas it saw without it (DESIGN.md, "Data placement"). The
 * five peers closest to the key, r0 to r4, are its replicas; this node is the farthest unless a
 * test says otherwise. Tests that check what every replica returned set the write quorum to 5,
 * so the read waits for five values: with four holders the lookup converges and hears the whole
 * replica set, whatever the order of answers.
 */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetCoordinatorTest {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String READ_ALL = "kadence.storage.write-quorum = 5";
  private final SignedRecord alice1 = Fixtures.record(ALICE, 1);
  private final SignedRecord alice2 = Fixtures.record(ALICE, 2);
  private final List<NodeId> ids = Fixtures.idsByDistance(new Random(30), 30, KEY.id());
  private final NodeId self = ids.get(ids.size() - 1);

  @Test
  void get_shouldReturnTheNewestRecordPerPublisherWhenReplicasDisagree() {
    FakeNetwork network = network(ids);
    SignedRecord bob6 = Fixtures.record(BOB, 6);
    SignedRecord bob7 = Fixtures.record(BOB, 7);
    // Three of five replicas took each publisher's newest put: any three answers include one.
    holds(network, alice1, 0, 3);
    holds(network, alice2, 1, 2, 4);
    holds(network, bob7, 0, 1, 2);
    holds(network, bob6, 3, 4);
    GetResult result = get(network, self, Fixtures.settings(""));
    assertEquals(Set.of(alice2, bob7), Set.copyOf(result.records()));
    assertEquals(2, result.records().size());
  }

  @Test
  void get_shouldIgnoreForgedExpiredAndOtherKeyRecordsWhenAReplicaReturnsThem() {
    FakeNetwork network = network(ids);
    network.serveExtra(ids.get(0), List.of(Fixtures.forged(alice2, 99),
        Fixtures.expired(ALICE, 60), Fixtures.record(ALICE, Key.of("other"), 50)));
    holds(network, alice2, 1, 2, 3, 4);
    GetResult result = get(network, self, Fixtures.settings(READ_ALL));
    assertEquals(List.of(alice2), result.records());
    assertEquals(3, result.lookup().rejectedRecords());
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

  @Test
  void get_shouldReturnNoRecordsWhenTheKeyIsMissing() {
    FakeNetwork network = network(ids);
    GetResult result = get(network, self, Fixtures.settings(""));
    assertFalse(result.found());
    assertTrue(result.notFound());
    assertEquals(5, result.replicasAnswered());
    assertEquals(List.of(), result.repairs());
    assertEquals(LookupOutcome.CONVERGED, result.lookup().result().outcome());
  }

  @Test
  void get_shouldSayNotFoundWhenAQuorumOfTheReplicaSetAnsweredWithoutTheKey() {
    FakeNetwork network = network(ids);
    network.setFault(ids.get(0), FakeNetwork.Fault.DEAD);
    network.setFault(ids.get(1), FakeNetwork.Fault.DEAD);
    GetResult result = get(network, self, Fixtures.settings(""));
    assertTrue(result.notFound(), "3 of the 5 closest answered, twice: " + result);
    assertEquals(3, result.replicasAnswered());
    assertEquals(3, result.replicasNeeded());
    assertEquals(2, findValuesTo(network, ids.get(0)), "asked again before saying not found");
  }

  @Test
  void get_shouldBeUnavailableNotNotFoundWhenTooFewOfTheReplicaSetAnsweredTwice() {
    FakeNetwork network = network(ids);
    // The three closest hold the only copies, and are cut off: the farther peers answer empty.
    holds(network, alice2, 0, 1, 2);
    for (int replica = 0; replica < 3; replica++) {
      network.setFault(ids.get(replica), FakeNetwork.Fault.DEAD);
    }
    GetResult result = get(network, self, Fixtures.settings(""));
    assertFalse(result.found());
    assertFalse(result.notFound(), "an empty answer from 2 of 5 replicas proves nothing");
    assertTrue(result.unavailable());
    assertEquals(2, result.replicasAnswered());
    assertEquals(3, result.replicasNeeded());
    assertEquals(LookupOutcome.CONVERGED, result.lookup().result().outcome());
    for (int replica = 0; replica < 3; replica++) {
      assertEquals(2, findValuesTo(network, ids.get(replica)), "r" + replica + " asked twice");
    }
  }

  @Test
  void get_shouldAskAgainAndFindTheRecordWhenTheReplicasHoldingItFailedTheFirstTime() {
    FakeNetwork network = network(ids);
    // The three closest hold the only copies, and miss their first request (slow, or busy
    // while the cluster takes in a failure): the first lookup ends with 2 of 5 empty answers.
    holds(network, alice2, 0, 1, 2);
    for (int replica = 0; replica < 3; replica++) {
      network.dropNext(ids.get(replica), 1);
    }
    GetResult result = get(network, self, Fixtures.settings(""));
    assertEquals(List.of(alice2), result.records());
    for (int replica = 0; replica < 3; replica++) {
      assertEquals(2, findValuesTo(network, ids.get(replica)), "r" + replica + " asked twice");
    }
  }

  @Test
  void get_shouldAskAgainBeforeSayingNotFoundWhenReplicasHoldingTheRecordWereSilent() {
    FakeNetwork network = network(ids);
    // After a failure the two closest (the surviving holders) are slow for one request, and
    // the other three of the replica set have no copy yet: three empty answers are a read
    // quorum, but two of the replica set said nothing.
    holds(network, alice2, 0, 1);
    network.dropNext(ids.get(0), 1);
    network.dropNext(ids.get(1), 1);
    GetResult result = get(network, self, Fixtures.settings(""));
    assertEquals(List.of(alice2), result.records(), "found, not a false not-found");
  }

  @Test
  void get_shouldNotAskAgainWhenLessThanARequestTimeoutOfTheLookupTimeoutIsLeft() {
    FakeNetwork network = network(ids);
    holds(network, alice2, 0, 1, 2);
    for (int replica = 0; replica < 3; replica++) {
      network.dropNext(ids.get(replica), 1);
    }
    GetResult result = get(network, self,
        Fixtures.settings("kadence.lookup { request-timeout = 2 s, timeout = 3 s }"),
        advancing(Duration.ofMillis(1_500)));
    assertTrue(result.unavailable(), "1.5 s of 3 s gone, 2 s needed: " + result);
    assertEquals(1, findValuesTo(network, ids.get(0)));
  }

  @Test
  void get_shouldSayNotFoundWhenTheNodeIsAloneAndItsStoreHasNoRecord() {
    GetResult result = get(network(List.of(self)), self, Fixtures.settings(""));
    assertTrue(result.notFound());
    assertEquals(1, result.replicasAnswered());
    assertEquals(1, result.replicasNeeded());
  }

  @Test
  void get_shouldNotSayNotFoundFromAnEmptyTableWhileTheClusterCountsOtherPeers() {
    // A routing table that lost its contacts (cut off, or behind a burst of failure verdicts)
    // starts the lookup from nobody: this node is all the replica set it sees, but the cluster
    // still counts 64 peers, so its empty store is one answer of the 3 needed.
    FakeNetwork alone = network(List.of(self));
    GetResult result = get(alone, alone, self, Fixtures.settings(""), System::nanoTime, () -> 64);
    assertTrue(result.unavailable(), "not a 404 for a key the others may hold");
    assertEquals(1, result.replicasAnswered());
    assertEquals(3, result.replicasNeeded());
  }

  @Test
  void get_shouldReturnTheLocalRecordWhenTheNodeIsAlone() {
    FakeNetwork network = network(List.of(self));
    network.hold(self, alice2);
    GetResult result = get(network, self, Fixtures.settings(""));
    assertEquals(List.of(alice2), result.records());
    assertEquals(1, result.localRecords());
    assertEquals(List.of(), result.repairs());
  }

  @Test
  void get_shouldReturnTheLocalRecordsOnlyWhenItsLookupStopsWithoutAReport() {
    FakeNetwork network = network(ids);
    network.hold(self, alice2);
    holds(network, alice1, 0, 1, 2);
    PeerRpc broken = Fixtures.brokenRpc();
    GetResult result = get(network, broken, self, Fixtures.settings(""));
    assertEquals(List.of(alice2), result.records());
    assertEquals(List.of(), result.repairs(), "a partial lookup repairs nothing");
    assertTrue(result.lookup().timedOut());
  }

  @Test
  void get_shouldBeUnavailableWhenItsLookupStopsWithoutAReportAndNothingIsLocal() {
    FakeNetwork network = network(ids);
    holds(network, alice1, 0, 1, 2);
    PeerRpc broken = Fixtures.brokenRpc();
    GetResult result = get(network, broken, self, Fixtures.settings(""));
    assertTrue(result.unavailable(), "a partial lookup cannot say the key does not exist");
  }

  private GetResult get(FakeNetwork network, NodeId from, NodeSettings settings) {
    return get(network, network, from, settings);
  }

  private GetResult get(FakeNetwork network, PeerRpc rpc, NodeId from, NodeSettings settings) {
    return get(network, rpc, from, settings, System::nanoTime);
  }

  private GetResult get(FakeNetwork network, NodeId from, NodeSettings settings,
      LongSupplier nanoTime) {
    return get(network, network, from, settings, nanoTime);
  }

  private GetResult get(FakeNetwork network, PeerRpc rpc, NodeId from, NodeSettings settings,
      LongSupplier nanoTime) {
    return get(network, rpc, from, settings, nanoTime, () -> 0);
  }

  private GetResult get(FakeNetwork network, PeerRpc rpc, NodeId from, NodeSettings settings,
      LongSupplier nanoTime, IntSupplier clusterPeers) {
    OperationContext op = new OperationContext(network.contact(from), rpc,
        network.localStore(from), Fixtures.validator(), nanoTime, settings.routing(),
        settings.lookup(), settings.storage(), new RoundTripEstimate(), clusterPeers);
    TestProbe<GetResult> probe = testKit.createTestProbe();
    ActorRef<GetCoordinator.Command> get = testKit.spawn(GetCoordinator.create(op, KEY,
        network.closestKnown(from, KEY.id()), probe.getRef()));
    GetResult result = probe.receiveMessage(WAIT);
    probe.expectTerminated(get, WAIT);
    return result;
  }

  /** A ticker that moves {@code step} on every reading: the get's clock runs fast. */
  private static LongSupplier advancing(Duration step) {
    AtomicLong now = new AtomicLong();
    return () -> now.addAndGet(step.toNanos());
  }

  private static long findValuesTo(FakeNetwork network, NodeId peer) {
    return network.calls().stream().filter(call -> call.to().id().equals(peer)
        && call.request() instanceof Message.FindValue).count();
  }

  /** The replicas r{@code replicas} hold {@code record}. */
  private void holds(FakeNetwork network, SignedRecord record, int... replicas) {
    for (int replica : replicas) {
      network.hold(ids.get(replica), record);
    }
  }

  private static FakeNetwork network(List<NodeId> ids) {
    FakeNetwork network = new FakeNetwork(8, Fixtures.validator(), Fixtures.CLOCK, 16);
    ids.forEach(network::add);
    network.fillTables(new Random(ids.size()));
    return network;
  }
}
