package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.KEY;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.Message;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the {@link GetCoordinator} tests share: a get over a {@link FakeNetwork} returns the
 * newest valid record of each publisher and repairs the replicas it saw without it (DESIGN.md,
 * "Data placement"). The five peers closest to the key, r0 to r4, are its replicas; this node is
 * the farthest unless a test says otherwise. Tests that check what every replica returned set
 * the write quorum to 5, so the read waits for five values: with four holders the lookup
 * converges and hears the whole replica set, whatever the order of answers.
 */
abstract class GetCoordinatorFixture {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String READ_ALL = "kadence.storage.write-quorum = 5";
  final SignedRecord alice1 = Fixtures.record(ALICE, 1);
  final SignedRecord alice2 = Fixtures.record(ALICE, 2);
  final List<NodeId> ids = Fixtures.idsByDistance(new Random(30), 30, KEY.id());
  final NodeId self = ids.get(ids.size() - 1);

  /** The test class's actor system. */
  abstract ActorTestKit testKit();

  GetResult get(FakeNetwork network, NodeId from, NodeSettings settings) {
    return get(network, network, from, settings);
  }

  GetResult get(FakeNetwork network, PeerRpc rpc, NodeId from, NodeSettings settings) {
    return get(network, rpc, from, settings, System::nanoTime);
  }

  GetResult get(FakeNetwork network, NodeId from, NodeSettings settings,
      LongSupplier nanoTime) {
    return get(network, network, from, settings, nanoTime);
  }

  GetResult get(FakeNetwork network, PeerRpc rpc, NodeId from, NodeSettings settings,
      LongSupplier nanoTime) {
    return get(network, rpc, from, settings, nanoTime, () -> 0);
  }

  GetResult get(FakeNetwork network, PeerRpc rpc, NodeId from, NodeSettings settings,
      LongSupplier nanoTime, IntSupplier clusterPeers) {
    OperationContext op = new OperationContext(network.contact(from), rpc,
        network.localStore(from), Fixtures.validator(), nanoTime, settings.routing(),
        settings.lookup(), settings.storage(), new RoundTripEstimate(), clusterPeers);
    TestProbe<GetResult> probe = testKit().createTestProbe();
    ActorRef<GetCoordinator.Command> get = testKit().spawn(GetCoordinator.create(op, KEY,
        network.closestKnown(from, KEY.id()), probe.getRef()));
    GetResult result = probe.receiveMessage(WAIT);
    probe.expectTerminated(get, WAIT);
    return result;
  }

  static long findValuesTo(FakeNetwork network, NodeId peer) {
    return network.calls().stream().filter(call -> call.to().id().equals(peer)
        && call.request() instanceof Message.FindValue).count();
  }

  /** The replicas r{@code replicas} hold {@code record}. */
  void holds(FakeNetwork network, SignedRecord record, int... replicas) {
    for (int replica : replicas) {
      network.hold(ids.get(replica), record);
    }
  }

  static FakeNetwork network(List<NodeId> ids) {
    FakeNetwork network = new FakeNetwork(8, Fixtures.validator(), Fixtures.CLOCK, 16);
    ids.forEach(network::add);
    network.fillTables(new Random(ids.size()));
    return network;
  }
}
