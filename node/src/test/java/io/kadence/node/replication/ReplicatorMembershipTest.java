package io.kadence.node.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.node.routing.RoutingTableActor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Re-replication as members join, leave or become unreachable: the two closest holders send. */
@ExtendWith(LogCapturingExtension.class)
class ReplicatorMembershipTest extends ReplicatorFixture {
  private static final ActorTestKit KIT = ActorTestKit.create();

  ReplicatorMembershipTest() {
    super(KIT);
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /**
   * Runs {@code replicator} once without records (its contacts, the 8 peers, are where the
   * puts go), then puts every record back and has a new peer join: the records are new to the
   * next run, which sees the new peer. Returns the new peer.
   */
  private Contact joinWithRecordsNewToTheNextRun(ActorRef<Replicator.Command> replicator) {
    List<SignedRecord> putLater = List.copyOf(records);
    records.clear();
    TestProbe<Replicator.RunResult> run = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(run.getRef()));
    assertEquals(0, run.receiveMessage(WAIT).records());
    records.addAll(putLater);
    Contact joined = contact(7100);
    routing.tell(new RoutingTableActor.Verified(joined));
    assertEquals(List.of(joined), closestInTable(joined.id(), 1));
    return joined;
  }

  /**
   * Whether this node sends {@code r} to the members new to {@code set} (closest first): fewer
   * than {@link Holders#SENDERS} members before it in the set hold {@code r}.
   */
  private boolean selfSends(List<Contact> set, Predicate<Contact> holds) {
    int closer = 0;
    for (Contact member : set) {
      if (member.equals(self)) {
        return true;
      }
      if (holds.test(member) && ++closer >= Holders.SENDERS) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this node sends {@code r}, new to it when {@code joined} joined, to the members new
   * to its replica set: the members of its set both before and after the join are presumed to
   * hold it; {@code left} are gone from the table (unreachable), and do not count.
   */
  private boolean selfSendsAfterJoin(SignedRecord r, Contact joined, Set<Contact> left) {
    List<Contact> now = new ArrayList<>(peers);
    now.add(joined);
    List<Contact> before = ReplicaSets.withSelf(r.key().id(), self, peers, REPLICATION);
    return selfSends(ReplicaSets.withSelf(r.key().id(), self, now, REPLICATION),
        m -> !m.equals(joined) && before.contains(m) && !left.contains(m));
  }

  /** The records whose replica set the peer {@code joined} is new to. */
  private List<SignedRecord> newTo(Contact joined) {
    List<Contact> now = new ArrayList<>(peers);
    now.add(joined);
    return records.stream().filter(r ->
        ReplicaSets.withSelf(r.key().id(), self, now, REPLICATION).contains(joined)).toList();
  }

  @Test
  void peersChanged_shouldSendRecordsPutSinceTheLastRunOnlyToMembersNewToTheirReplicaSet() {
    ActorRef<Replicator.Command> replicator = replicator();
    Contact joined = joinWithRecordsNewToTheNextRun(replicator);
    TestProbe<Replicator.RunResult> barrier = KIT.createTestProbe();
    Set<Map.Entry<NodeId, SignedRecord>> toJoined = new HashSet<>();
    for (SignedRecord r : newTo(joined)) {
      if (selfSendsAfterJoin(r, joined, Set.of())) {
        toJoined.add(Map.entry(joined.id(), r));
      }
    }
    assertFalse(toJoined.isEmpty(), "the seed gives the new peer some keys");

    replicator.tell(new Replicator.PeersChanged());
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertTrue(Set.copyOf(rpc.stores).containsAll(toJoined));
      return null;
    });
    replicator.tell(new Replicator.HandOff(barrier.getRef())); // after the re-replication run
    Replicator.RunResult handOff = barrier.receiveMessage(WAIT);
    List<Map.Entry<NodeId, SignedRecord>> rereplicated =
        rpc.stores.subList(0, rpc.stores.size() - handOff.sends());
    assertEquals(toJoined, Set.copyOf(rereplicated),
        "only the new member of each replica set, not the members the puts went to, and only "
            + "the records this node is one of the two closest holders of");
    assertEquals(toJoined.size(), rereplicated.size());
  }

  @Test
  void peersChanged_shouldLeaveANewMemberToTheTwoClosestHoldersWhileBothAreReachable() {
    Set<Contact> members = ConcurrentHashMap.newKeySet();
    members.addAll(peers);
    ActorRef<Replicator.Command> replicator = replicator(() -> Set.copyOf(members));
    Contact joined = joinWithRecordsNewToTheNextRun(replicator);
    members.add(joined);
    List<SignedRecord> leftToCloser = newTo(joined).stream()
        .filter(r -> !selfSendsAfterJoin(r, joined, Set.of())).toList();
    assertFalse(leftToCloser.isEmpty(), "the seed has two holders closer to some keys");
    TestProbe<Replicator.RunResult> runs = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    runs.receiveMessage(WAIT);
    assertTrue(rpc.stores.stream().noneMatch(e -> leftToCloser.contains(e.getValue())),
        "two holders closer to the key send those records, not this node");

    // One of the two becomes unreachable (out of the table, still a member): this node sends.
    SignedRecord record = leftToCloser.get(0);
    Contact closest = ReplicaSets.withSelf(record.key().id(), self, peers, REPLICATION).get(0);
    routing.tell(new RoutingTableActor.Evict(closest.id()));
    assertFalse(closestInTable(closest.id(), 1).contains(closest), "gone from the table");
    rpc.stores.clear();
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    runs.receiveMessage(WAIT);
    Set<Map.Entry<NodeId, SignedRecord>> expected = new HashSet<>();
    for (SignedRecord r : leftToCloser) {
      if (selfSendsAfterJoin(r, joined, Set.of(closest))) {
        expected.add(Map.entry(joined.id(), r));
      }
    }
    assertTrue(expected.contains(Map.entry(joined.id(), record)));
    assertEquals(expected, Set.copyOf(rpc.stores));
  }

  @Test
  void peersChanged_shouldSendToAMemberDisplacedWhileARecordWasNewWhenItsReplacementLeaves() {
    ActorRef<Replicator.Command> replicator = replicator();
    // A peer joins and records are put before the next run: whether their puts went to the
    // new peer or to the member it displaced is not known to the replicator.
    Contact joined = joinWithRecordsNewToTheNextRun(replicator);
    TestProbe<Replicator.RunResult> runs = KIT.createTestProbe();
    Set<Map.Entry<NodeId, SignedRecord>> toDisplaced = new HashSet<>();
    List<Contact> withJoined = new ArrayList<>(peers);
    withJoined.add(joined);
    for (SignedRecord r : records) {
      List<Contact> before = ReplicaSets.withSelf(r.key().id(), self, peers, REPLICATION);
      List<Contact> after = ReplicaSets.withSelf(r.key().id(), self, withJoined, REPLICATION);
      // Once the new peer left, the set is the one before again; its members in both are the
      // holders this node presumes, and it sends if fewer than two of them are closer.
      if (selfSends(before, m -> after.contains(m))) {
        before.stream().filter(c -> !after.contains(c) && !c.equals(self))
            .forEach(c -> toDisplaced.add(Map.entry(c.id(), r)));
      }
    }
    assertFalse(toDisplaced.isEmpty(), "the seed has the new peer displace some members");
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    runs.receiveMessage(WAIT);

    // The new peer leaves: the displaced members are replicas again and get the records.
    rpc.stores.clear();
    routing.tell(new RoutingTableActor.Evict(joined.id()));
    assertFalse(closestInTable(joined.id(), 1).contains(joined));
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    runs.receiveMessage(WAIT);
    assertTrue(Set.copyOf(rpc.stores).containsAll(toDisplaced),
        "each member displaced while the record was new got it back");
  }

  @Test
  void rereplicate_shouldKeepCopiesWhereTheyAreWhileAPeerGoneFromTheTableIsStillAMember() {
    Set<Contact> members = ConcurrentHashMap.newKeySet();
    members.addAll(peers);
    ActorRef<Replicator.Command> replicator = replicator(() -> Set.copyOf(members));
    TestProbe<Replicator.RunResult> runs = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    assertEquals(expected(true).size(), runs.receiveMessage(WAIT).stored());
    int before = rpc.stores.size();

    // A replica of a key this node is the closest to: this node sends that key's new copy.
    Contact unreachable = records.stream()
        .map(r -> ReplicaSets.withSelf(r.key().id(), self, peers, REPLICATION))
        .filter(set -> set.get(0).equals(self)).map(set -> set.get(1)).findFirst().orElseThrow();
    routing.tell(new RoutingTableActor.Evict(unreachable.id()));
    assertFalse(closestInTable(unreachable.id(), 1).contains(unreachable),
        "gone from the table");
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    assertEquals(0, runs.receiveMessage(WAIT).sends(), "still a member: its copies stay");
    assertEquals(before, rpc.stores.size());

    List<Contact> confirmed = List.copyOf(peers);
    members.remove(unreachable);
    peers.remove(unreachable);
    Set<Map.Entry<NodeId, SignedRecord>> moved = new HashSet<>(expected(true));
    moved.removeAll(Set.copyOf(rpc.stores));
    // Every member of the first run's sets acknowledged its records: this node sends a record
    // to its new member only if fewer than two of them are closer to the key.
    moved.removeIf(pair -> !selfSends(ReplicaSets.withSelf(pair.getValue().key().id(), self,
        peers, REPLICATION), m -> ReplicaSets.withSelf(pair.getValue().key().id(), self,
        confirmed, REPLICATION).contains(m)));
    assertFalse(moved.isEmpty(), "the seed gives the removed peer some keys");
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    assertEquals(moved.size(), runs.receiveMessage(WAIT).stored(), "removed: copies move");
    assertEquals(moved, Set.copyOf(rpc.stores.subList(before, rpc.stores.size())));
  }
}
