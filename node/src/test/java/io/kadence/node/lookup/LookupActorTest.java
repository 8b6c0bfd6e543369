package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.FakeNetwork.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LookupActor} converging on the closest peers or a value over a {@link FakeNetwork}. */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupActorTest extends LookupActorFixture {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Override
  ActorTestKit testKit() {
    return testKit;
  }

  @Test
  void findNode_shouldReturnTheTrueKClosestWhenEveryPeerAnswers() {
    Random random = new Random(7);
    FakeNetwork network = network(random, 200);
    NodeId self = any(network, random);
    for (int i = 0; i < 20; i++) {
      NodeId target = NodeId.random(random);
      LookupReport report = run(network, LookupQuery.findNode(target, self, K, 3,
          network.closestKnown(self, target)), Duration.ofSeconds(5));
      assertEquals(network.closestLive(target, K, self), report.closest(), "target " + i);
      assertEquals(LookupOutcome.CONVERGED, report.result().outcome());
      assertFalse(report.timedOut());
    }
  }

  @Test
  void findNode_shouldFindTheClosestLivePeersWhenSomeAreDead() {
    Random random = new Random(8);
    FakeNetwork network = network(random, 100);
    NodeId target = NodeId.random(random);
    NodeId self = any(network, random);
    List<Contact> trueClosest = network.closestLive(target, 3, self);
    trueClosest.forEach(c -> network.setFault(c.id(), Fault.DEAD));
    LookupReport report = run(network, LookupQuery.findNode(target, self, K, 3,
        network.closestKnown(self, target)), Duration.ofSeconds(5));
    assertEquals(network.closestLive(target, K, self), report.closest());
    assertTrue(report.result().failed().containsAll(trueClosest), "the dead were asked and failed");
  }

  @Test
  void findNode_shouldNeverHaveMoreThanAlphaRequestsInFlightWhenNoneIsSlow() {
    Random random = new Random(9);
    FakeNetwork network = network(random, 100);
    network.setDelay(3);
    NodeId self = any(network, random);
    NodeId target = NodeId.random(random);
    // A hedge that never fires here: whatever the machine's load, no request is slow.
    LookupReport report = run(network, LookupQuery.findNode(target, self, K, 2,
        network.closestKnown(self, target)), Duration.ofSeconds(1), Duration.ofSeconds(5),
        NEVER_SLOW);
    assertEquals(LookupOutcome.CONVERGED, report.result().outcome());
    assertEquals(2, network.maxInFlight(), "alpha = 2 requests were in flight, never more");
  }

  @Test
  void findNode_shouldTimeEveryTraceEntryWhenTheTickerMoves() {
    Random random = new Random(11);
    FakeNetwork network = network(random, 60);
    network.setTickPerCall(Duration.ofMillis(1).toNanos());
    NodeId self = any(network, random);
    NodeId target = NodeId.random(random);
    TestProbe<LookupReport> probe = testKit.createTestProbe();
    testKit.spawn(LookupActor.create(LookupQuery.findNode(target, self, K, 3,
        network.closestKnown(self, target)), network, Duration.ofSeconds(1), Duration.ofSeconds(5),
        HEDGE, new RoundTripEstimate(), validator, network.ticker()::get, probe.getRef()));
    LookupReport report = probe.receiveMessage(WAIT);
    assertEquals(report.result().trace().size(), report.trace().size());
    assertEquals(Duration.ZERO, report.trace().get(0).elapsed(), "the first query is sent at 0");
    for (int i = 1; i < report.trace().size(); i++) {
      assertEquals(report.result().trace().get(i), report.trace().get(i).entry());
      assertTrue(report.trace().get(i).elapsed().compareTo(report.trace().get(i - 1).elapsed()) >= 0);
    }
    assertEquals(Duration.ofMillis(network.calls().size()), report.elapsed(), "1 ms per call");
  }

  @Test
  void findValue_shouldDropForgedExpiredAndOtherKeyRecordsWhenAPeerReturnsThem() {
    Random random = new Random(12);
    FakeNetwork network = network(random, 40);
    NodeId self = any(network, random);
    List<Contact> closest = network.closestLive(KEY.id(), 3, self);
    SignedRecord real = Fixtures.record(ALICE, 2);
    network.hold(closest.get(1).id(), real);
    network.hold(closest.get(2).id(), real);
    Contact forger = closest.get(0);
    network.serveExtra(forger.id(), List.of(Fixtures.forged(real, 9),
        Fixtures.expired(ALICE, 8), Fixtures.record(ALICE, Key.of("other"), 7)));
    // A value quorum above the two holders: the lookup converges, so the forger is asked.
    LookupReport report = run(network, LookupQuery.findValue(KEY, self, K, 3, 5, K, 16,
        network.closestKnown(self, KEY.id())), Duration.ofSeconds(5));
    assertEquals(List.of(real, real), report.records());
    assertEquals(3, report.rejectedRecords());
    assertEquals(LookupOutcome.CONVERGED, report.result().outcome());
    assertTrue(report.result().repairCandidates().contains(forger),
        "a peer with only invalid records answered without a value");
  }

  @Test
  void findValue_shouldAskOnlyAsManyPeersAsValuesNeededWhenEveryHolderAnswers() {
    Random random = new Random(15);
    FakeNetwork network = network(random, 40);
    NodeId self = any(network, random);
    SignedRecord real = Fixtures.record(ALICE, 2);
    List<Contact> holders = network.closestLive(KEY.id(), 5, self);
    holders.forEach(h -> network.hold(h.id(), real));
    // A hedge that never fires here: whatever the machine's load, no request is slow.
    LookupReport report = run(network, LookupQuery.findValue(KEY, self, K, 3, 3, K, 16,
        network.closestKnown(self, KEY.id())), Duration.ofSeconds(1), Duration.ofSeconds(5),
        NEVER_SLOW);
    assertEquals(LookupOutcome.VALUE_QUORUM, report.result().outcome());
    assertEquals(3, queried(report, holders), "no fourth or fifth holder asked");
  }

  @Test
  void findValue_shouldEndExhaustedWithoutPeersWhenTheNodeIsAlone() {
    FakeNetwork network = new FakeNetwork(K, validator, Fixtures.CLOCK, 16);
    NodeId self = network.add(NodeId.random(new Random(13))).id();
    LookupReport report = run(network, LookupQuery.findValue(KEY, self, K, 3, 1, K, 16, List.of()),
        Duration.ofSeconds(5));
    assertEquals(LookupOutcome.EXHAUSTED, report.result().outcome());
    assertEquals(0, report.result().queried());
    assertEquals(List.of(), report.records());
  }
}
