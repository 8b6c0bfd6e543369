package io.kadence.node.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupHedge;
import io.kadence.dht.lookup.TraceEntry;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.routing.Contact;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the {@link LookupActor} tests share: a {@link FakeNetwork} of peers with filled tables,
 * a peer to look up from, hedges, and a lookup run to its one report on the test class's own
 * actor system.
 */
abstract class LookupActorFixture {
  static final int K = 8;
  static final Duration WAIT = Duration.ofSeconds(10);
  /** Slow after 2 first round trips, at least 20 ms; never given up before the call's timeout. */
  static final LookupHedge HEDGE = new LookupHedge(2, millis(20), 2, millis(60_000));
  static final LookupHedge NEVER_SLOW =
      new LookupHedge(1, millis(30_000), 1, millis(60_000));
  final RecordValidator validator = Fixtures.validator();

  /** The test class's actor system. */
  abstract ActorTestKit testKit();

  static long millis(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }

  /** How many of {@code peers} the lookup asked. */
  static long queried(LookupReport report, List<Contact> peers) {
    return report.result().trace().stream()
        .filter(e -> e.type() == TraceEntry.Type.QUERY && peers.contains(e.peer()))
        .count();
  }

  LookupReport run(FakeNetwork network, LookupQuery query, Duration timeout) {
    return run(network, query, Duration.ofSeconds(1), timeout, HEDGE);
  }

  LookupReport run(FakeNetwork network, LookupQuery query, Duration requestTimeout,
      Duration timeout, LookupHedge hedge) {
    return run(network, query, requestTimeout, timeout, hedge, new RoundTripEstimate());
  }

  LookupReport run(FakeNetwork network, LookupQuery query, Duration requestTimeout,
      Duration timeout, LookupHedge hedge, RoundTripEstimate roundTrips) {
    TestProbe<LookupReport> probe = testKit().createTestProbe();
    ActorRef<LookupActor.Command> lookup = testKit().spawn(LookupActor.create(query, network,
        requestTimeout, timeout, hedge, roundTrips, validator, System::nanoTime, probe.getRef()));
    LookupReport report = probe.receiveMessage(WAIT);
    probe.expectTerminated(lookup, WAIT);
    return report;
  }

  FakeNetwork network(Random random, int peers) {
    FakeNetwork network = new FakeNetwork(K, validator, Fixtures.CLOCK, 16);
    for (int i = 0; i < peers; i++) {
      network.add(NodeId.random(random));
    }
    network.fillTables(random);
    return network;
  }

  /** A peer of the network drawn at random, to look up from. */
  static NodeId any(FakeNetwork network, Random random) {
    return network.closestLive(NodeId.random(random), 1, null).get(0).id();
  }
}
