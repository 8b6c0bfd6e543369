package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When each request of one lookup becomes slow ({@link LookupHedge}), for the lookup's owner,
 * which keeps the clock and reports {@link LookupState#onSlow} at those times: the node's
 * lookup actor (timers) and the simulator's driver (events) both use it, so they hedge alike.
 * Times are nanoseconds on the owner's clock. Until the lookup's first answer nothing is due
 * (there is no round trip to measure against); that answer makes every request then in flight
 * due, and every request sent later due on sending. Not thread-safe: one owner drives it.
 */
public final class HedgeSchedule {
  private final LookupHedge hedge;
  private final Map<NodeId, Long> sentNanos = new HashMap<>();
  /** The round trip of the lookup's first answer, or -1 before it. */
  private long firstAnswerNanos = -1;

  /** The schedule of one lookup under {@code hedge}. */
  public HedgeSchedule(LookupHedge hedge) {
    this.hedge = Objects.requireNonNull(hedge, "hedge");
  }

  /**
   * A request to {@code peer} was sent at {@code now}: when it will be slow, or empty before the
   * lookup's first answer (the requests in flight then are returned by {@link #answered}).
   */
  public OptionalLong sent(NodeId peer, long now) {
    sentNanos.put(peer, now);
    return firstAnswerNanos < 0 ? OptionalLong.empty()
        : OptionalLong.of(now + hedge.delayNanos(firstAnswerNanos));
  }

  /**
   * {@code peer} answered at {@code now}. If that is the lookup's first answer to a request
   * sent through this schedule, returns when each other request {@code state} still waits on
   * becomes slow; otherwise nothing.
   */
  public Map<NodeId, Long> answered(NodeId peer, long now, LookupState<?> state) {
    Long sent = sentNanos.get(peer);
    if (firstAnswerNanos >= 0 || sent == null) {
      return Map.of();
    }
    firstAnswerNanos = now - sent;
    long delay = hedge.delayNanos(firstAnswerNanos);
    Map<NodeId, Long> due = new LinkedHashMap<>(); // in the order of sentNanos, for the simulator
    sentNanos.forEach((id, at) -> {
      if (!id.equals(peer) && state.stateOf(id).orElse(null) == PeerState.WAITING) {
        due.put(id, at + delay);
      }
    });
    return due;
  }
}
