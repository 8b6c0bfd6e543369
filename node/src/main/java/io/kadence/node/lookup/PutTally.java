package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.lookup.PutResult.ReplicaOutcome;
import io.kadence.node.lookup.PutResult.Status;
import io.kadence.node.transport.PeerRpcException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * The stores of one put and what became of them (Kademlia, section 2.3; DESIGN.md, "Data
 * placement"): the replica set and quorum chosen from the put's lookup, the spares that back a
 * lost store, and every answer. The {@link PutCoordinator} sends the stores and owns the
 * timers; this says who gets the record, when the put is decided and what it reports. Plain
 * and single-threaded (the coordinator's), tested without an actor system.
 */
final class PutTally {
  /** What one store's answer was, for the coordinator to act on. */
  enum Answer {
    /** A replica stored the record. */
    STORED,
    /** A spare stored it. */
    SPARE_STORED,
    /** A replica or spare did not store it: a spare may take its place ({@link #nextSpare}). */
    NOT_STORED,
    /** Not from a store awaited: a repeat, or from a peer not sent the record. */
    IGNORED
  }

  private final Key key;
  private final int replication;
  private final LookupReport report;
  private final List<Contact> replicaSet;
  private final List<Contact> unreachable;
  private final int quorum;
  /** Replica id to its outcome, in replica-set order; null while the replica is pending. */
  private final Map<NodeId, ReplicaOutcome> outcomes = new LinkedHashMap<>();
  /** Peers that answered the lookup beyond the replica set, closest first, not yet sent to. */
  private final Deque<Contact> spares;
  /** Spare ids sent the record and not yet answered. */
  private final Set<NodeId> sparesInFlight = new HashSet<>();
  private int pending;
  private int stored;
  private int sparesStored;

  private PutTally(Key key, int replication, LookupReport report, List<Contact> replicaSet,
      List<Contact> spares, List<Contact> unreachable, int quorum) {
    this.key = key;
    this.replication = replication;
    this.report = report;
    this.replicaSet = List.copyOf(replicaSet);
    this.spares = new ArrayDeque<>(spares);
    this.unreachable = List.copyOf(unreachable);
    this.quorum = quorum;
    for (Contact replica : replicaSet) {
      outcomes.put(replica.id(), null);
    }
    this.pending = replicaSet.size();
  }

  /**
   * The stores of a put of {@code key} whose lookup reported {@code report}, every replica
   * pending. The replica set is the {@code replication} closest of the peers that answered and
   * {@code self}; the spares are the other peers that answered, closest first; the unreachable
   * are the closest nodes known to exist ({@link LookupReport#closestKnown}) that failed the
   * lookup. {@code quorumFor} gives the quorum for the number of those closest nodes.
   */
  static PutTally of(Key key, Contact self, int replication, LookupReport report,
      IntUnaryOperator quorumFor) {
    List<Contact> closestKnown = report.closestKnown(self, replication);
    List<Contact> replicaSet =
        ReplicaSets.withSelf(key.id(), self, report.closest(), replication);
    Set<NodeId> failed = new HashSet<>();
    report.result().failed().forEach(contact -> failed.add(contact.id()));
    List<Contact> unreachable =
        closestKnown.stream().filter(contact -> failed.contains(contact.id())).toList();
    Set<NodeId> replicaIds = replicaSet.stream().map(Contact::id).collect(Collectors.toSet());
    List<Contact> spares = new ArrayList<>();
    for (Contact peer : report.closest()) {
      if (!replicaIds.contains(peer.id()) && !peer.id().equals(self.id())) {
        spares.add(peer);
      }
    }
    return new PutTally(key, replication, report, replicaSet, spares, unreachable,
        quorumFor.applyAsInt(closestKnown.size()));
  }

  /** A put whose lookup stopped without a report: no replica was sent the record. */
  static PutTally abandoned(Key key, int replication, LookupReport report, int quorum) {
    return new PutTally(key, replication, report, List.of(), List.of(), List.of(), quorum);
  }

  /** Takes the answer of a store sent to a replica or a spare. */
  Answer take(ReplicaOutcome outcome) {
    NodeId id = outcome.replica().id();
    boolean storedIt = outcome.status() == Status.STORED;
    if (sparesInFlight.remove(id)) {
      if (storedIt) {
        sparesStored++;
        return Answer.SPARE_STORED;
      }
      return Answer.NOT_STORED;
    }
    if (outcomes.containsKey(id) && outcomes.get(id) == null) {
      outcomes.put(id, outcome);
      pending--;
      if (storedIt) {
        stored++;
        return Answer.STORED;
      }
      return Answer.NOT_STORED;
    }
    return Answer.IGNORED;
  }

  /**
   * The spare to send the record to if {@code lost} lost a copy (a refusal did not), counted in
   * flight from now; empty if it did not or the spares ran out.
   */
  Optional<Contact> nextSpare(ReplicaOutcome lost) {
    if ((lost.status() != Status.TIMED_OUT && lost.status() != Status.FAILED)
        || spares.isEmpty()) {
      return Optional.empty();
    }
    Contact spare = spares.removeFirst();
    sparesInFlight.add(spare.id());
    return Optional.of(spare);
  }

  /**
   * Whether the put can answer: a success answers at once; a failure waits for every replica's
   * answer, so that it says what became of each store.
   */
  boolean decided() {
    return pending == 0 || stored >= quorum;
  }

  /** Whether every store sent, spares included, has answered. */
  boolean settled() {
    return pending == 0 && sparesInFlight.isEmpty();
  }

  /** Marks every replica still pending {@link Status#UNANSWERED}: the put's deadline passed. */
  void expire() {
    for (Contact replica : replicaSet) {
      if (outcomes.get(replica.id()) == null) {
        outcomes.put(replica.id(), new ReplicaOutcome(replica, Status.UNANSWERED, Optional.empty(),
            "no answer by the put's deadline"));
      }
    }
  }

  /** The put's result now: a replica not yet answered is {@link Status#PENDING}. */
  PutResult result() {
    List<ReplicaOutcome> list = new ArrayList<>();
    for (Contact replica : replicaSet) {
      ReplicaOutcome outcome = outcomes.get(replica.id());
      list.add(outcome != null ? outcome : new ReplicaOutcome(replica, Status.PENDING,
          Optional.empty(), "no answer yet when the put was acknowledged"));
    }
    return new PutResult(key, stored >= quorum, stored, quorum, replication, replicaSet, list,
        unreachable, report);
  }

  List<Contact> replicaSet() {
    return replicaSet;
  }

  List<Contact> unreachable() {
    return unreachable;
  }

  int quorum() {
    return quorum;
  }

  /** How many replicas stored the record. */
  int stored() {
    return stored;
  }

  /** How many spares stored the record. */
  int sparesStored() {
    return sparesStored;
  }

  /** How many stores sent, spares included, have not answered. */
  int unanswered() {
    return pending + sparesInFlight.size();
  }

  /** The outcome of a store that {@code replica} answered, refusing it or not. */
  static ReplicaOutcome ofRefusal(Contact replica, Optional<StoreRefusal> refusal) {
    return refusal.isEmpty()
        ? new ReplicaOutcome(replica, Status.STORED, Optional.empty(), "")
        : new ReplicaOutcome(replica, Status.REFUSED, refusal, refusal.get().name());
  }

  /** The outcome of a STORE that {@code replica} answered with {@code reply}. */
  static ReplicaOutcome ofReply(Contact replica, Message reply) {
    return reply instanceof Message.StoreAck ack
        ? ofRefusal(replica, ack.refusal())
        : new ReplicaOutcome(replica, Status.FAILED, Optional.empty(),
            "answered STORE with " + reply.getClass().getSimpleName());
  }

  /** The outcome of a store that failed with {@code failure}: timed out or failed otherwise. */
  static ReplicaOutcome ofFailure(Contact replica, Throwable failure) {
    boolean timeout = failure instanceof PeerRpcException e
        && e.reason() == PeerRpcException.Reason.TIMEOUT;
    return new ReplicaOutcome(replica, timeout ? Status.TIMED_OUT : Status.FAILED,
        Optional.empty(), String.valueOf(failure.getMessage()));
  }
}
