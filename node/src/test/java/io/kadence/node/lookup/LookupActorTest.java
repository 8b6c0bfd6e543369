package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupHedge;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.TraceEntry;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.FakeNetwork.Fault;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.SuppressedDeadLetter;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LookupActor} driving lookups over a {@link FakeNetwork} (Kademlia, section 2.3). */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupActorTest {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  private static final int K = 8;
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Slow after 2 first round trips, at least 20 ms; never given up before the call's timeout. */
  private static final LookupHedge HEDGE = new LookupHedge(2, millis(20), 2, millis(60_000));
  private static final LookupHedge NEVER_SLOW =
      new LookupHedge(1, millis(30_000), 1, millis(60_000));
  private final RecordValidator validator = Fixtures.validator();

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

  private static long millis(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }

  /** How many of {@code peers} the lookup asked. */
  private static long queried(LookupReport report, List<Contact> peers) {
    return report.result().trace().stream()
        .filter(e -> e.type() == TraceEntry.Type.QUERY && peers.contains(e.peer()))
        .count();
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

  private LookupReport run(FakeNetwork network, LookupQuery query, Duration timeout) {
    return run(network, query, Duration.ofSeconds(1), timeout, HEDGE);
  }

  private LookupReport run(FakeNetwork network, LookupQuery query, Duration requestTimeout,
      Duration timeout, LookupHedge hedge) {
    return run(network, query, requestTimeout, timeout, hedge, new RoundTripEstimate());
  }

  private LookupReport run(FakeNetwork network, LookupQuery query, Duration requestTimeout,
      Duration timeout, LookupHedge hedge, RoundTripEstimate roundTrips) {
    TestProbe<LookupReport> probe = testKit.createTestProbe();
    ActorRef<LookupActor.Command> lookup = testKit.spawn(LookupActor.create(query, network,
        requestTimeout, timeout, hedge, roundTrips, validator, System::nanoTime, probe.getRef()));
    LookupReport report = probe.receiveMessage(WAIT);
    probe.expectTerminated(lookup, WAIT);
    return report;
  }

  private FakeNetwork network(Random random, int peers) {
    FakeNetwork network = new FakeNetwork(K, validator, Fixtures.CLOCK, 16);
    for (int i = 0; i < peers; i++) {
      network.add(NodeId.random(random));
    }
    network.fillTables(random);
    return network;
  }

  /** A peer of the network drawn at random, to look up from. */
  private static NodeId any(FakeNetwork network, Random random) {
    return network.closestLive(NodeId.random(random), 1, null).get(0).id();
  }
}
