package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupHedge;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.TraceEntry;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.FakeNetwork.Fault;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.SuppressedDeadLetter;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LookupActor} past slow and silent peers: hedges, give-ups, late answers, timeouts. */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupActorSlowPeersTest extends LookupActorFixture {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Override
  ActorTestKit testKit() {
    return testKit;
  }

  @Test
  void findNode_shouldAskMorePeersWhileRequestsAreSlowButNeverTwiceAlpha() {
    Random random = new Random(16);
    FakeNetwork network = network(random, 100);
    NodeId self = any(network, random);
    NodeId target = NodeId.random(random);
    List<Contact> closest = network.closestLive(target, K, self);
    closest.forEach(c -> network.setFault(c.id(), Fault.SLOW));
    network.setSlowDelay(1_500);
    // The K closest answer after 1.5 s, far past the hedge (2 x the first round trip, at least
    // 20 ms): each is reported slow and the lookup asks the next while waiting for it.
    LookupReport report = run(network, LookupQuery.findNode(target, self, K, 2,
        network.closestKnown(self, target)), Duration.ofSeconds(5), Duration.ofSeconds(8),
        HEDGE);
    assertEquals(LookupOutcome.CONVERGED, report.result().outcome());
    assertEquals(closest, report.closest(), "the slow peers' answers count");
    assertEquals(4, network.maxInFlight(), "2 x alpha requests in flight once they are slow");
    assertTrue(report.result().trace().stream()
        .anyMatch(e -> e.type() == TraceEntry.Type.SLOW), "the slow reports are traced");
  }

  @Test
  void findNode_shouldGiveUpOnPeersThatDoNotAnswerAndConvergeWithoutThem() {
    // Three of the five closest would answer after a minute, within the request timeout. The
    // lookup gives each up 10 first round trips (at least 50 ms) after asking it and converges
    // without them; waiting for them, it could only be cut off by its 30 s bound.
    LatePeers run = lookupPastLatePeers(17, 60_000, Duration.ofSeconds(60),
        Duration.ofSeconds(30));
    LookupReport report = run.report();
    List<Contact> silent = run.late();
    assertFalse(report.timedOut());
    assertEquals(LookupOutcome.CONVERGED, report.result().outcome());
    assertTrue(report.result().failed().containsAll(silent), "given up: " + report.result());
    assertEquals(3, report.result().trace().stream()
        .filter(e -> e.type() == TraceEntry.Type.TIMEOUT && silent.contains(e.peer())).count());
  }

  @Test
  void findNode_shouldGoPastTheFirstPeersAskedByTheNodesRoundTripWhenNoneOfThemAnswers() {
    Random random = new Random(19);
    FakeNetwork network = network(random, 100);
    NodeId self = any(network, random);
    NodeId target = NodeId.random(random);
    List<Contact> initial = network.closestKnown(self, target);
    List<Contact> firstAsked = initial.stream()
        .sorted(Comparator.comparing(Contact::id, target.distanceOrder())).limit(3).toList();
    firstAsked.forEach(c -> network.setFault(c.id(), Fault.SLOW));
    network.setSlowDelay(60_000);
    LookupHedge hedge = new LookupHedge(2, millis(20), 10, millis(50));
    RoundTripEstimate roundTrips = new RoundTripEstimate();
    roundTrips.observe(millis(2)); // what the node's earlier lookups measured
    LookupReport report = run(network, LookupQuery.findNode(target, self, K, 3, initial),
        Duration.ofSeconds(60), Duration.ofSeconds(30), hedge, roundTrips);
    // The node's round trip of 2 ms gives them up after the minimum of 50 ms. Without a round
    // trip to go by, nothing is given up before a first answer, and none of the three ever
    // answers: the lookup would run into its 30 s bound.
    assertFalse(report.timedOut(), "went past the silent three: " + report.result());
    assertEquals(LookupOutcome.CONVERGED, report.result().outcome());
    assertEquals(3, report.result().trace().stream()
        .filter(e -> e.type() == TraceEntry.Type.TIMEOUT && firstAsked.contains(e.peer()))
        .count(), "each of the three was given up before any answer: " + report.result());
    assertTrue(roundTrips.nanos() >= 0 && roundTrips.nanos() < millis(60_000),
        "the lookup's own first answer went into the estimate: " + roundTrips.nanos());
  }

  @Test
  void findNode_shouldSendAnswersThatComeAfterItEndedToDeadLettersUnlogged() {
    TestProbe<SuppressedDeadLetter> unlogged = testKit.createTestProbe();
    TestProbe<DeadLetter> logged = testKit.createTestProbe();
    testKit.system().eventStream().tell(
        new EventStream.Subscribe<>(SuppressedDeadLetter.class, unlogged.getRef()));
    testKit.system().eventStream().tell(
        new EventStream.Subscribe<>(DeadLetter.class, logged.getRef()));
    // Given up after 50 ms, the three answer after 3 s, when the lookup has ended.
    LatePeers run = lookupPastLatePeers(18, 3_000, Duration.ofSeconds(10),
        Duration.ofSeconds(10));
    LookupReport report = run.report();
    List<Contact> late = run.late();
    assertFalse(report.timedOut());
    assertTrue(report.result().failed().containsAll(late), "given up: " + report.result());
    for (int i = 0; i < late.size(); i++) {
      unlogged.fishForMessage(WAIT, letter ->
          letter.message().getClass().getSimpleName().equals("Answered")
              ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore());
    }
    logged.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void findNode_shouldReplyOnceWithAPartialResultWhenTheOverallTimeoutFires() {
    Random random = new Random(10);
    FakeNetwork network = network(random, 50);
    NodeId self = any(network, random);
    network.closestKnown(self, self).forEach(c -> network.setFault(c.id(), Fault.SLOW));
    network.setSlowDelay(1_000);
    TestProbe<LookupReport> probe = testKit.createTestProbe();
    ActorRef<LookupActor.Command> lookup = testKit.spawn(LookupActor.create(
        LookupQuery.findNode(self, self, K, 3, network.closestKnown(self, self)), network,
        Duration.ofSeconds(5), Duration.ofMillis(200), HEDGE, new RoundTripEstimate(), validator,
        System::nanoTime, probe.getRef()));
    LookupReport report = probe.receiveMessage(WAIT);
    assertTrue(report.timedOut());
    assertEquals(LookupOutcome.UNFINISHED, report.result().outcome());
    assertEquals(3, report.result().queried(), "alpha requests were sent, none answered");
    assertTrue(report.elapsed().compareTo(Duration.ofMillis(200)) >= 0);
    probe.expectTerminated(lookup, WAIT);
    probe.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void findValue_shouldAskTheNextHolderInsteadOfWaitingWhenAPeerIsSlow() {
    Random random = new Random(14);
    FakeNetwork network = network(random, 40);
    NodeId self = any(network, random);
    List<Contact> holders = network.closestLive(KEY.id(), 4, self);
    SignedRecord real = Fixtures.record(ALICE, 2);
    holders.forEach(h -> network.hold(h.id(), real));
    network.setFault(holders.get(0).id(), Fault.SLOW);
    network.setSlowDelay(3_000);
    // Quorum 3 of the four holders, a request timeout longer than the slow holder's delay:
    // once values come, the slow holder is reported slow and the next holder asked, so the
    // quorum is reached without its answer (without the hedge the lookup would wait for it).
    LookupReport report = run(network, LookupQuery.findValue(KEY, self, K, 3, 3, K, 16,
        network.closestKnown(self, KEY.id())), Duration.ofSeconds(5), Duration.ofSeconds(8),
        HEDGE);
    assertEquals(LookupOutcome.VALUE_QUORUM, report.result().outcome());
    assertEquals(4, queried(report, holders), "every holder was asked, the slow one too");
    assertFalse(report.result().values().stream()
        .anyMatch(v -> v.from().equals(holders.get(0))), "the slow holder's value did not count");
  }

  /** A lookup's report, and the peers among the closest that answered it late. */
  private record LatePeers(LookupReport report, List<Contact> late) {}

  /**
   * A FIND_NODE of a random target on 100 peers (seeded with {@code seed}) where the 1st, 3rd
   * and 5th closest answer after {@code delayMillis}, run with the given timeouts and a hedge
   * that gives a request up 10 first round trips, at least 50 ms, after it was sent.
   */
  private LatePeers lookupPastLatePeers(long seed, long delayMillis, Duration requestTimeout,
      Duration timeout) {
    Random random = new Random(seed);
    FakeNetwork network = network(random, 100);
    NodeId self = any(network, random);
    NodeId target = NodeId.random(random);
    List<Contact> closest = network.closestLive(target, 5, self);
    List<Contact> late = List.of(closest.get(0), closest.get(2), closest.get(4));
    late.forEach(c -> network.setFault(c.id(), Fault.SLOW));
    network.setSlowDelay(delayMillis);
    LookupReport report = run(network, LookupQuery.findNode(target, self, K, 3,
        network.closestKnown(self, target)), requestTimeout, timeout,
        new LookupHedge(2, millis(20), 10, millis(50)));
    return new LatePeers(report, late);
  }
}
