package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.KEY;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the {@link PutCoordinator} tests share: a put over a {@link FakeNetwork} reaches the
 * key's replica set and succeeds only with its quorum (DESIGN.md, "Data placement").
 * Replication 5, write quorum 3.
 */
abstract class PutCoordinatorFixture {
  static final Duration WAIT = Duration.ofSeconds(10);
  final NodeSettings settings = Fixtures.settings("");
  final SignedRecord record = Fixtures.record(ALICE, 1);

  /** The test class's actor system. */
  abstract ActorTestKit testKit();

  static long stores(FakeNetwork network) {
    return network.calls().stream()
        .filter(call -> call.request() instanceof io.kadence.dht.wire.Message.Store).count();
  }

  PutResult put(FakeNetwork network, NodeId self, ExpectedSequence expected) {
    return put(network, network, self, expected);
  }

  PutResult put(FakeNetwork network, PeerRpc rpc, NodeId self,
      ExpectedSequence expected) {
    return put(network, rpc, self, expected, settings);
  }

  PutResult put(FakeNetwork network, PeerRpc rpc, NodeId self,
      ExpectedSequence expected, NodeSettings settings) {
    return put(network, rpc, self, expected, settings, () -> 0);
  }

  PutResult put(FakeNetwork network, PeerRpc rpc, NodeId self,
      ExpectedSequence expected, NodeSettings settings, IntSupplier clusterPeers) {
    OperationContext op = new OperationContext(network.contact(self), rpc,
        network.localStore(self), Fixtures.validator(), System::nanoTime, settings.routing(),
        settings.lookup(), settings.storage(), new RoundTripEstimate(), clusterPeers);
    TestProbe<PutResult> probe = testKit().createTestProbe();
    ActorRef<PutCoordinator.Command> put = testKit().spawn(PutCoordinator.create(op, record,
        expected, network.closestKnown(self, KEY.id()), probe.getRef()));
    PutResult result = probe.receiveMessage(WAIT);
    probe.expectTerminated(put, WAIT);
    return result;
  }

  static FakeNetwork network(List<NodeId> ids) {
    FakeNetwork network = new FakeNetwork(8, Fixtures.validator(), Fixtures.CLOCK, 16);
    ids.forEach(network::add);
    network.fillTables(new Random(ids.size()));
    return network;
  }
}
