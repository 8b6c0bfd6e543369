package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.BOB;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.FoundValue;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link GetAnswers}: what a get's lookup and local read say about the key's replica set. Peers
 * c0..c9 sorted by distance to the key, replication 5; the lookup heard from c0, c2, c4, c6 and
 * c7 (c0 returned alice2, c4 alice1), c1 failed, the get started from c1, c3 and c8, and this
 * node is c5.
 */
class GetAnswersTest {
  private static final List<NodeId> IDS = Fixtures.idsByDistance(new Random(40), 10, KEY.id());

  private final SignedRecord alice1 = Fixtures.record(ALICE, 1);
  private final SignedRecord alice2 = Fixtures.record(ALICE, 2);
  private final SignedRecord bob7 = Fixtures.record(BOB, 7);

  @Test
  void holdings_shouldListTheReplicasAskedAndSelfInReplicaSetOrderWhenItsReadSucceeded() {
    Map<Contact, List<SignedRecord>> holdings = answers(Optional.of(List.of(bob7))).holdings();
    // c3 is a replica (a live contact of the routing table) but was not asked; c1 failed.
    assertEquals(List.of(c(0), c(2), c(4), c(5)), new ArrayList<>(holdings.keySet()));
    assertEquals(Map.of(c(0), List.of(alice2), c(2), List.of(), c(4), List.of(alice1),
        c(5), List.of(bob7)), holdings);
  }

  @Test
  void holdings_shouldLeaveSelfOutWhenItsReadFailed() {
    Map<Contact, List<SignedRecord>> holdings = answers(Optional.empty()).holdings();
    assertEquals(List.of(c(0), c(2), c(4)), new ArrayList<>(holdings.keySet()));
  }

  @Test
  void repairs_shouldStoreTheNewestOnTheAskedReplicasThatLackItWhenTheLookupFinished() {
    GetAnswers answers = answers(Optional.of(List.of(bob7)));
    List<SignedRecord> newest = answers.newest(Fixtures.validator());
    assertEquals(Set.of(alice2, bob7), Set.copyOf(newest));
    List<Repair> repairs = answers.repairs(newest);
    assertEquals(6, repairs.size());
    assertEquals(Set.of(
            new Repair(c(0), bob7, false),
            new Repair(c(2), alice2, false),
            new Repair(c(2), bob7, false),
            new Repair(c(4), alice2, true),
            new Repair(c(4), bob7, false),
            new Repair(c(5), alice2, false)),
        Set.copyOf(repairs));
  }

  @Test
  void repairs_shouldBeNoneWhenTheLookupTimedOut() {
    GetAnswers answers = answers(report(true), Optional.of(List.of(bob7)));
    assertEquals(List.of(), answers.repairs(answers.newest(Fixtures.validator())));
  }

  @Test
  void newest_shouldMergeThePeersAndTheLocalRecordsLessTheExpired() {
    SignedRecord expired = Fixtures.expired(BOB, 9);
    LookupReport report = report(List.of(c(0)),
        List.of(new FoundValue<>(c(0), List.of(alice1, expired), 1)), List.of(), false);
    GetAnswers answers = answers(report, Optional.of(List.of(alice2)));
    assertEquals(List.of(alice2), answers.newest(Fixtures.validator()));
  }

  @Test
  void answered_shouldCountTheRespondersOfTheReplicaSetAndSelfOnlyWhenItRead() {
    GetAnswers read = answers(Optional.of(List.of()));
    // As the lookup knows it: responders, failed peers and self; not the routing table's c3.
    assertEquals(List.of(c(0), c(1), c(2), c(4), c(5)), read.replicaSet());
    assertEquals(4, read.answered(read.replicaSet()));
    GetAnswers failed = answers(Optional.empty());
    assertEquals(3, failed.answered(failed.replicaSet()));
  }

  @Test
  void heardOf_shouldListEveryPeerOnceRespondersThenFailedThenInitial() {
    assertEquals(List.of(c(0), c(2), c(4), c(6), c(7), c(1), c(3), c(8)),
        answers(Optional.empty()).heardOf());
  }

  private GetAnswers answers(Optional<List<SignedRecord>> local) {
    return answers(report(false), local);
  }

  private static GetAnswers answers(LookupReport report, Optional<List<SignedRecord>> local) {
    return new GetAnswers(KEY, c(5), 5, List.of(c(1), c(3), c(8)), report, local);
  }

  private LookupReport report(boolean timedOut) {
    return report(List.of(c(0), c(2), c(4), c(6), c(7)),
        List.of(new FoundValue<>(c(0), List.of(alice2), 1),
            new FoundValue<>(c(4), List.of(alice1), 1)),
        List.of(c(1)), timedOut);
  }

  private static LookupReport report(List<Contact> closest,
      List<FoundValue<List<SignedRecord>>> values, List<Contact> failed, boolean timedOut) {
    LookupResult<List<SignedRecord>> result = new LookupResult<>(KEY.id(), LookupKind.FIND_VALUE,
        timedOut ? LookupOutcome.UNFINISHED : LookupOutcome.CONVERGED, closest, values, List.of(),
        closest.size() + failed.size(), failed, 1, 0, List.of());
    return new LookupReport(result, timedOut, Duration.ofMillis(10), List.of(), 0);
  }

  private static Contact c(int i) {
    return new Contact(IDS.get(i), "h" + i, 4000);
  }
}
