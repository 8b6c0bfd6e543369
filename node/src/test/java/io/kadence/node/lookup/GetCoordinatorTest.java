package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GetCoordinator}'s answers: records found, not found or unavailable, and asking again. */
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetCoordinatorTest extends GetCoordinatorFixture {
  /** One actor system for the class: the extension shuts it down after the last test. */
  @JUnit5TestKit final ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Override
  ActorTestKit testKit() {
    return testKit;
  }

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

  /** A ticker that moves {@code step} on every reading: the get's clock runs fast. */
  private static LongSupplier advancing(Duration step) {
    AtomicLong now = new AtomicLong();
    return () -> now.addAndGet(step.toNanos());
  }
}
