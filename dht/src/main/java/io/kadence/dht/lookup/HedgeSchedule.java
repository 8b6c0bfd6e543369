package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When each request of one lookup becomes slow and when it is given up ({@link LookupHedge}),
 * for the lookup's owner, which keeps the clock and reports {@link LookupState#onSlow} and
 * {@link LookupState#onTimeout} at those times: the node's lookup actor (timers) and the
 * simulator's driver (events) both use it, so they hedge alike. Times are nanoseconds on the
 * owner's clock. Until the lookup's first answer, a request is given up by a prior round trip
 * if the owner has one (what its earlier lookups measured), and never slow: hedging before
 * any answer of this lookup would add requests whenever a loaded network is slower than it
 * was, while the give-up, at least {@code give-up-min}, only lets the lookup past peers that
 * are silent. The first answer makes every request then in flight due by the round trip it
 * measured (superseding the prior's due: see {@link #isCurrent}), and every request sent later
 * due on sending. Not thread-safe: one owner drives it.
 */
public final class HedgeSchedule {
  /** What falls due: the request is slow, or the lookup gives up on it. */
  public enum Stage { SLOW, GIVE_UP }

  /** The request to {@code peer} reaches {@code stage} at {@code atNanos}. */
  public record Due(NodeId peer, long atNanos, Stage stage) {}

  private final LookupHedge hedge;
  /** When each request was sent, in sending order (the simulator's events follow it). */
  private final Map<NodeId, Long> sentNanos = new LinkedHashMap<>();
  /** The round trip of the lookup's first answer, or -1 before it. */
  private long firstAnswerNanos = -1;
  /** The round trip to go by before the first answer, or -1 for none. */
  private final long priorNanos;

  /** The schedule of one lookup under {@code hedge}, with nothing due before its first answer. */
  public HedgeSchedule(LookupHedge hedge) {
    this(hedge, -1);
  }

  /**
   * The schedule of one lookup under {@code hedge} that gives requests up by
   * {@code priorRoundTripNanos} (negative: none) until its first answer: a dead peer among the
   * first asked is then given up after {@code hedge}'s give-up delay for that round trip, not
   * after the owner's request timeout.
   */
  public HedgeSchedule(LookupHedge hedge, long priorRoundTripNanos) {
    this.hedge = Objects.requireNonNull(hedge, "hedge");
    this.priorNanos = Math.max(-1, priorRoundTripNanos);
  }

  /** The round trip of the lookup's first answer, or -1 before it. */
  public long firstAnswerNanos() {
    return firstAnswerNanos;
  }

  /**
   * A request to {@code peer} was sent at {@code now}: when it will be slow and given up; before
   * the lookup's first answer, only when it is given up by the prior, or nothing without one
   * (the requests in flight then are returned by {@link #answered}).
   */
  public List<Due> sent(NodeId peer, long now) {
    sentNanos.put(peer, now);
    return dues(peer, now);
  }

  /**
   * Whether {@code due} still stands: false once the first answer has replaced the prior it was
   * computed from (the owner then has the new due for the same request and stage). An owner
   * whose timers replace each other by key needs no check; one that queues every due does.
   */
  public boolean isCurrent(Due due) {
    Long sent = sentNanos.get(due.peer());
    return sent != null && dues(due.peer(), sent).contains(due);
  }

  /**
   * {@code peer} answered at {@code now}. If that is the lookup's first answer to a request
   * sent through this schedule, returns when each other request {@code state} still waits on
   * becomes slow and is given up; otherwise nothing.
   */
  public List<Due> answered(NodeId peer, long now, LookupState<?> state) {
    Long sent = sentNanos.get(peer);
    if (firstAnswerNanos >= 0 || sent == null) {
      return List.of();
    }
    firstAnswerNanos = now - sent;
    List<Due> due = new ArrayList<>();
    sentNanos.forEach((id, at) -> {
      if (!id.equals(peer) && state.stateOf(id).orElse(null) == PeerState.WAITING) {
        due.addAll(dues(id, at));
      }
    });
    return due;
  }

  private List<Due> dues(NodeId peer, long sentAt) {
    if (firstAnswerNanos >= 0) {
      return List.of(
          new Due(peer, saturatedSum(sentAt, hedge.delayNanos(firstAnswerNanos)), Stage.SLOW),
          new Due(peer, saturatedSum(sentAt, hedge.giveUpNanos(firstAnswerNanos)),
              Stage.GIVE_UP));
    }
    return priorNanos < 0 ? List.of()
        : List.of(new Due(peer, saturatedSum(sentAt, hedge.giveUpNanos(priorNanos)),
            Stage.GIVE_UP));
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
