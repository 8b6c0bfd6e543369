package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The iterative Kademlia node lookup (Maymounkov and Mazieres, "Kademlia", 2002, section 2.3) as
 * a pure state machine: lookup state as a pure data type, after libp2p's {@code qpeerset}
 * (go-libp2p-kad-dht). It does no I/O and keeps no time. Its owner (the node's lookup actor, or
 * a simulation) asks {@link #nextRequests()} whom to query, sends those requests, and reports
 * each outcome with {@link #onResponse}, {@link #onValue}, {@link #onFailure} or
 * {@link #onTimeout}, until {@link #isDone()}. Not thread-safe: one owner drives it.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Candidates: the k closest non-failed peers heard of. {@link #nextRequests()} queries
 *       the closest {@link PeerState#HEARD} peers among them, keeping alpha requests in flight
 *       (the paper's "picks alpha nodes from its k closest it has not yet queried"), not
 *       counting requests its owner reported slow ({@link #onSlow}), and never more than
 *       2 x alpha in all ({@code LookupRequests} says why).
 *   <li>Values: once a FIND_VALUE has a value, it asks no more peers than the values its quorum
 *       still needs, not counting requests reported slow, within the bounds above; a request
 *       that is slow, fails, times out or is answered without a value frees its place
 *       ({@code ValueQuorum} says why).
 *   <li>Termination: done when the k closest non-failed peers have all responded
 *       ({@link LookupOutcome#CONVERGED}), or when fewer than k non-failed peers are known and
 *       all of them responded ({@link LookupOutcome#EXHAUSTED}: nothing left to ask, nothing in
 *       flight). FIND_VALUE also ends once {@code valueQuorum} peers returned a value
 *       ({@link LookupOutcome#VALUE_QUORUM}; 1 is the paper's stop at the first value), or, once
 *       it has a value but fewer than its quorum, when the {@code replicas} closest non-failed
 *       peers, the key's replica set, have all responded
 *       ({@link LookupOutcome#REPLICAS_RESPONDED}); without any value it converges on the k
 *       closest ({@code ValueQuorum} says why). Requests still in flight beyond the closest the
 *       lookup waits for do not hold it up. Once done, the state is frozen and every further
 *       event is ignored.
 *   <li>Self: the local node is never a candidate, whether it is among the initial contacts or
 *       named in an answer.
 *   <li>Untrusted answers: an answer counts only from a peer the lookup is waiting on; answers
 *       from strangers, from peers not queried, and second answers are ignored. Of one answer
 *       at most k contacts are considered, in the order given (a peer can invent ids at will,
 *       so ranking its list would not protect anything); duplicates and the local node are
 *       skipped; a peer already heard of keeps the address it was first heard with, so an
 *       answer cannot redirect a known peer.
 *   <li>Failures: a failed or timed-out peer frees its slot and drops out of the k closest, so
 *       the next candidate moves in. A timeout is soft: if the answer arrives late while the
 *       lookup is still running, it is accepted like any answer (as libp2p does with an answer
 *       that is still relevant) and the peer becomes {@link PeerState#RESPONDED}. A failure is
 *       final: a later answer is ignored.
 * </ul>
 *
 * <p>The owner verifies every answer (signature, sender binding) before reporting it; an answer
 * that does not verify is a failure.
 *
 * @param <V> the value type of a FIND_VALUE lookup ({@code Void} for FIND_NODE)
 */
public final class LookupState<V> {
  private final LookupKind kind;
  private final NodeId target;
  private final int k;
  private final int alpha;
  private final LookupPeerSet peers;
  private final LookupRequests requests;
  private final ValueQuorum<V> values;
  private final LookupTrace trace = new LookupTrace();
  private LookupOutcome outcome = LookupOutcome.UNFINISHED;

  private LookupState(LookupKind kind, NodeId target, NodeId self, int k, int alpha,
      int valueQuorum, int replicas, Collection<Contact> initial) {
    this.kind = kind;
    this.target = Objects.requireNonNull(target, "target");
    Objects.requireNonNull(self, "self");
    this.k = positive(k, "k");
    this.alpha = positive(alpha, "alpha");
    this.peers = new LookupPeerSet(target, self, this.k);
    this.requests = new LookupRequests(this.alpha);
    this.values = new ValueQuorum<>(positive(valueQuorum, "valueQuorum"),
        positive(replicas, "replicas"));
    for (Contact contact : Objects.requireNonNull(initial, "initial")) {
      peers.learn(contact, 1);
    }
    updateOutcome();
  }

  /**
   * A FIND_NODE lookup of {@code target} from the node {@code self}, seeded with
   * {@code initial} (usually the k closest contacts of the local routing table).
   */
  public static <V> LookupState<V> findNode(NodeId target, NodeId self, int k, int alpha,
      Collection<Contact> initial) {
    return new LookupState<>(LookupKind.FIND_NODE, target, self, k, alpha, 1, k, initial);
  }

  /**
   * A FIND_VALUE lookup of {@code target} that stops once {@code valueQuorum} (at least 1)
   * peers returned a value; with fewer values, once the {@code replicas} (at least 1) closest
   * non-failed peers responded; with none, like FIND_NODE.
   */
  public static <V> LookupState<V> findValue(NodeId target, NodeId self, int k, int alpha,
      int valueQuorum, int replicas, Collection<Contact> initial) {
    return new LookupState<>(LookupKind.FIND_VALUE, target, self, k, alpha, valueQuorum, replicas,
        initial);
  }

  /**
   * The peers to query now, closest first, each now {@link PeerState#WAITING}: the owner must
   * send every one of them a request (FIND_NODE or FIND_VALUE as {@link #kind()} says). Empty
   * when done, when alpha requests not reported slow are in flight, or 2 x alpha in all (for a
   * FIND_VALUE that has values, as many as it still needs; see the class comment), or when no
   * candidate is left among the k closest. Call again after each event.
   */
  public List<Contact> nextRequests() {
    int room = requests.room(values.wanted(alpha));
    if (outcome != LookupOutcome.UNFINISHED || room <= 0) {
      return List.of();
    }
    List<Contact> next = new ArrayList<>();
    for (LookupPeer peer : peers.candidates(room)) {
      requests.sent(peer);
      next.add(peer.contact);
      trace.record(TraceEntry.Type.QUERY, peer, 0, 0, false);
    }
    return next;
  }

  /**
   * {@code from} answered without a value, naming {@code closer} contacts. Returns whether the
   * answer was accepted (false if ignored, see the class comment).
   */
  public boolean onResponse(NodeId from, List<Contact> closer) {
    return answer(from, null, closer);
  }

  /**
   * {@code from} answered a FIND_VALUE with {@code value} (already verified by the owner) and
   * possibly {@code closer} contacts. Returns whether the answer was accepted.
   *
   * @throws IllegalStateException if this is a FIND_NODE lookup (the owner asked for no value)
   */
  public boolean onValue(NodeId from, V value, List<Contact> closer) {
    if (kind != LookupKind.FIND_VALUE) {
      throw new IllegalStateException("a FIND_NODE lookup takes no values");
    }
    return answer(from, Objects.requireNonNull(value, "value"), closer);
  }

  /** The request to {@code from} failed for good. Returns whether the event was accepted. */
  public boolean onFailure(NodeId from) {
    return fail(from, false);
  }

  /**
   * The request to {@code from} timed out; a late answer is still accepted while the lookup
   * runs. Returns whether the event was accepted. A second timeout of the same request (the
   * owner gave it up, then the call's own timeout came) is not taken and not counted as an
   * ignored event.
   */
  public boolean onTimeout(NodeId from) {
    return fail(from, true);
  }

  /**
   * The request to {@code from} has gone unanswered longer than its owner's hedge delay
   * ({@link LookupHedge}): the lookup no longer counts it among its alpha requests in flight
   * (nor, for a FIND_VALUE that has values, among the requests that may bring the values it
   * needs), so {@link #nextRequests()} may ask another peer. The request stays in flight: its
   * answer, failure or timeout is taken as usual. Recorded in the trace as
   * {@link TraceEntry.Type#SLOW}. Returns whether the event was accepted (false unless the peer
   * is waiting and not already slow).
   */
  public boolean onSlow(NodeId from) {
    LookupPeer peer = outcome == LookupOutcome.UNFINISHED ? peers.get(from) : null;
    if (peer == null || !requests.slow(peer)) {
      return false;
    }
    trace.record(TraceEntry.Type.SLOW, peer, 0, 0, false);
    return true;
  }

  /** True once the lookup has ended; see {@link #result()} for why. */
  public boolean isDone() {
    return outcome != LookupOutcome.UNFINISHED;
  }

  /** Requests in flight: queried, not yet answered, failed or timed out. */
  public int inFlight() {
    return requests.inFlight();
  }

  /** The state of the peer {@code id}, or empty if the lookup never heard of it. */
  public Optional<PeerState> stateOf(NodeId id) {
    LookupPeer peer = peers.get(id);
    return peer == null ? Optional.empty() : Optional.of(peer.state);
  }

  /** FIND_NODE or FIND_VALUE: which request the owner sends. */
  public LookupKind kind() {
    return kind;
  }

  /** The id looked up. */
  public NodeId target() {
    return target;
  }

  /** A snapshot of what the lookup found so far; final once {@link #isDone()}. */
  public LookupResult<V> result() {
    LookupPeerSet.Found found = peers.found();
    // Repair candidates are FIND_VALUE's (section 2.3): a FIND_NODE has no value to store.
    List<Contact> repair = kind == LookupKind.FIND_VALUE ? found.withoutValue() : List.of();
    return new LookupResult<>(target, kind, outcome, found.closest(), values.values(), repair,
        requests.queried(), found.failed(), found.rounds(), trace.ignored(), trace.entries());
  }

  private boolean answer(NodeId from, V value, List<Contact> closer) {
    LookupPeer peer = outcome == LookupOutcome.UNFINISHED ? peers.get(from) : null;
    if (peer == null || !peer.awaitsAnswer()) {
      trace.ignore();
      return false;
    }
    boolean late = peer.state == PeerState.FAILED;
    if (!late) {
      requests.landed(peer);
    }
    peer.state = PeerState.RESPONDED;
    List<Contact> answer = closer == null ? List.of() : closer;
    List<Contact> considered = answer.subList(0, Math.min(k, answer.size()));
    int added = peers.learnAll(considered, peer.hop + 1);
    TraceEntry.Type type = TraceEntry.Type.RESPONSE;
    if (value != null) {
      peer.hasValue = true;
      values.add(new FoundValue<>(peer.contact, value, peer.hop));
      type = TraceEntry.Type.VALUE;
    }
    trace.record(type, peer, considered.size(), added, late);
    updateOutcome();
    return true;
  }

  private boolean fail(NodeId from, boolean timeout) {
    LookupPeer peer = outcome == LookupOutcome.UNFINISHED ? peers.get(from) : null;
    if (peer == null || peer.state != PeerState.WAITING) {
      boolean repeatedTimeout = timeout && peer != null && peer.state == PeerState.FAILED
          && peer.timedOut;
      if (!repeatedTimeout) {
        trace.ignore();
      }
      return false;
    }
    requests.landed(peer);
    peer.state = PeerState.FAILED;
    peer.timedOut = timeout;
    trace.record(timeout ? TraceEntry.Type.TIMEOUT : TraceEntry.Type.FAILURE, peer, 0, 0,
        false);
    updateOutcome();
    return true;
  }

  private void updateOutcome() {
    outcome = values.outcome(peers, k);
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
    return value;
  }
}
