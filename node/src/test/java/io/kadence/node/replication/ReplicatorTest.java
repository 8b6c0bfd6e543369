package io.kadence.node.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.dht.wire.Message;
import io.kadence.node.routing.ContactsView;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class ReplicatorTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int REPLICATION = 3;

  private final Random random = new Random(5);
  private final Contact self = contact(7000);
  private final List<Contact> peers = new ArrayList<>();
  private final List<SignedRecord> records = new ArrayList<>();
  private final StoreRecorder rpc = new StoreRecorder();
  private ActorRef<RoutingTableActor.Command> routing;
  private final ContactsView view = new ContactsView();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** Records every STORE; answers stored, except from the peers marked dead. */
  static final class StoreRecorder implements PeerRpc {
    final List<Map.Entry<NodeId, SignedRecord>> stores = new CopyOnWriteArrayList<>();
    final Set<NodeId> dead = ConcurrentHashMap.newKeySet();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
      calls.incrementAndGet();
      if (dead.contains(to.id())) {
        return CompletableFuture.failedFuture(
            new PeerRpcException(to, PeerRpcException.Reason.TIMEOUT, "dead"));
      }
      stores.add(Map.entry(to.id(), ((Message.Store) request).record()));
      return CompletableFuture.completedFuture(Message.StoreAck.ok());
    }

    @Override
    public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
      throw new UnsupportedOperationException("these tests never identify a member");
    }
  }

  private Contact contact(int port) {
    return new Contact(NodeId.random(random), "127.0.0.1", port);
  }

  @BeforeEach
  void setUp() {
    routing = KIT.spawn(RoutingTableActor.create(self.id(), new RoutingSettings(20, 2,
        Duration.ofHours(1), Duration.ofSeconds(1), 3, Duration.ofHours(1), Duration.ofSeconds(1),
        Duration.ofSeconds(30), 10, Duration.ZERO), rpc,
        Clock.systemUTC(), Optional.empty(),
        KIT.<RoutingTableActor.ContactsChanged>createTestProbe().getRef(), view));
    for (int i = 0; i < 8; i++) {
      Contact peer = contact(7001 + i);
      peers.add(peer);
      routing.tell(new RoutingTableActor.Verified(peer));
    }
    // The view is published as the actor takes them in: its answer comes after all eight.
    assertEquals(8, closestInTable(self.id(), 20).size());
    NodeKeyPair publisher = NodeKeyPair.generate(new SecureRandom());
    for (int i = 0; i < 20; i++) {
      records.add(SignedRecord.create(publisher, Key.of("key-" + i), 1, Instant.now(),
          Duration.ofHours(1), new byte[] {(byte) i}));
    }
  }

  private ActorRef<Replicator.Command> replicator() {
    return replicator(Set::of);
  }

  private ActorRef<Replicator.Command> replicator(Supplier<Set<Contact>> members) {
    ReplicatorSettings settings = new ReplicatorSettings(REPLICATION, Duration.ofMillis(50),
        Duration.ofHours(1), Duration.ofSeconds(1), 4, 10_000);
    return KIT.spawn(Replicator.create(self, settings, rpc,
        () -> CompletableFuture.completedFuture(List.copyOf(records)), view, members));
  }

  /**
   * The routing actor's {@code n} closest to {@code target}: its answer comes after every
   * message told to it before, so the view the replicator reads is up to date.
   */
  private List<Contact> closestInTable(NodeId target, int n) {
    TestProbe<List<Contact>> table = KIT.createTestProbe();
    routing.tell(new RoutingTableActor.Closest(target, n, table.getRef()));
    return table.receiveMessage(WAIT);
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

  /** The (peer, record) pairs a correct run sends: replica set members other than self. */
  private Set<Map.Entry<NodeId, SignedRecord>> expected(boolean withSelf) {
    Set<Map.Entry<NodeId, SignedRecord>> pairs = new HashSet<>();
    for (SignedRecord r : records) {
      List<Contact> set = withSelf
          ? ReplicaSets.withSelf(r.key().id(), self, peers, REPLICATION)
          : ReplicaSets.closest(r.key().id(), peers, REPLICATION);
      set.stream().filter(c -> !c.equals(self)).forEach(c -> pairs.add(Map.entry(c.id(), r)));
    }
    return pairs;
  }

  @Test
  void peersChanged_shouldSendEachRecordToItsReplicaSetOnceWhenPeersConfirm() {
    ActorRef<Replicator.Command> replicator = replicator();
    replicator.tell(new Replicator.PeersChanged());
    replicator.tell(new Replicator.PeersChanged()); // debounced into one run
    TestProbe<Void> probe = KIT.createTestProbe();
    probe.awaitAssert(WAIT, () -> {
      assertEquals(expected(true), Set.copyOf(rpc.stores));
      return null;
    });
    int sent = rpc.stores.size();
    assertEquals(sent, Set.copyOf(rpc.stores).size(), "no pair sent twice");
    // Everything is confirmed: another membership change sends nothing new.
    replicator.tell(new Replicator.PeersChanged());
    TestProbe<Replicator.RunResult> result = KIT.createTestProbe();
    replicator.tell(new Replicator.HandOff(result.getRef())); // queued after the run
    result.receiveMessage(WAIT);
    assertEquals(sent + expected(false).size(), rpc.stores.size(),
        "the second re-replication sent nothing; only the hand-off did");
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

  @Test
  void peersChanged_shouldStopSendingToAPeerWithinARunOnceItsStoreFailed() {
    Contact deadPeer = peers.get(0);
    rpc.dead.add(deadPeer.id());
    ActorRef<Replicator.Command> replicator = replicator();
    replicator.tell(new Replicator.PeersChanged());
    Set<Map.Entry<NodeId, SignedRecord>> toLive = new HashSet<>(expected(true));
    toLive.removeIf(pair -> pair.getKey().equals(deadPeer.id()));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(toLive, Set.copyOf(rpc.stores));
      return null;
    });
    assertTrue(rpc.calls.get() - rpc.stores.size() <= 4,
        "at most the STOREs in flight when the first one failed went to the dead peer, got "
            + (rpc.calls.get() - rpc.stores.size()));

    // The next run leaves the failed peer out while it backs off: nothing is sent at all.
    int calls = rpc.calls.get();
    TestProbe<Replicator.RunResult> runs = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(runs.getRef()));
    assertEquals(0, runs.receiveMessage(WAIT).sends());
    assertEquals(calls, rpc.calls.get());
  }

  @Test
  void handOff_shouldExcludeSelfAndReportIncompleteRecordsWhenAReplicaIsDead() {
    Contact deadPeer = peers.get(0);
    rpc.dead.add(deadPeer.id());
    TestProbe<Replicator.RunResult> probe = KIT.createTestProbe();
    replicator().tell(new Replicator.HandOff(probe.getRef()));
    Replicator.RunResult result = probe.receiveMessage(WAIT);
    Set<Map.Entry<NodeId, SignedRecord>> wanted = expected(false);
    assertEquals(records.size(), result.records());
    assertEquals(wanted.size(), result.sends());
    assertTrue(rpc.stores.stream().noneMatch(e -> e.getKey().equals(self.id())));
    for (SignedRecord r : records) {
      boolean needsDead = wanted.contains(Map.entry(deadPeer.id(), r));
      assertEquals(!needsDead, result.fullyReplicated().contains(r), "record " + r);
    }
    assertTrue(result.failed() > 0);
    assertFalse(result.error().isPresent());
  }

  @Test
  void rereplicate_shouldTryAgainWhenTheRecordsCouldNotBeRead() {
    ReplicatorSettings settings = new ReplicatorSettings(REPLICATION, Duration.ofMillis(50),
        Duration.ofHours(1), Duration.ofSeconds(1), 4, 10_000);
    AtomicInteger reads = new AtomicInteger();
    RecordSource busyOnce = () -> reads.getAndIncrement() == 0
        ? CompletableFuture.failedFuture(new IllegalStateException("store busy"))
        : CompletableFuture.completedFuture(List.copyOf(records));
    ActorRef<Replicator.Command> replicator =
        KIT.spawn(Replicator.create(self, settings, rpc, busyOnce, view, Set::of));
    TestProbe<Replicator.RunResult> probe = KIT.createTestProbe();
    replicator.tell(new Replicator.Rereplicate(probe.getRef()));
    assertEquals(Optional.of("store busy"), probe.receiveMessage(WAIT).error());

    // Nothing else asks for a run: the retry, 5 s later, sends every record's copies.
    probe.awaitAssert(Duration.ofSeconds(15), () -> {
      assertEquals(expected(true), new HashSet<>(rpc.stores));
      return null;
    });
  }

  @Test
  void handOff_shouldReportNothingHandedOffWhenThereIsNoOtherPeer() {
    ReplicatorSettings settings = new ReplicatorSettings(REPLICATION, Duration.ofMillis(50),
        Duration.ofHours(1), Duration.ofSeconds(1), 4, 10_000);
    ActorRef<Replicator.Command> alone = KIT.spawn(Replicator.create(self, settings, rpc,
        () -> CompletableFuture.completedFuture(List.copyOf(records)), new ContactsView(),
        Set::of));
    TestProbe<Replicator.RunResult> probe = KIT.createTestProbe();
    alone.tell(new Replicator.HandOff(probe.getRef()));
    Replicator.RunResult result = probe.receiveMessage(WAIT);
    assertEquals(records.size(), result.records());
    assertEquals(0, result.sends());
    assertTrue(result.fullyReplicated().isEmpty(), "a lone peer keeps every record");
  }
}
