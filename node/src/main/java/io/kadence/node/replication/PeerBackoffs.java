package io.kadence.node.replication;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Peers whose STOREs failed: re-replication leaves each out for a backoff that doubles from
 * {@link #FIRST} to {@link #MAX} while its STOREs keep failing, and forgets it at its first
 * acknowledged STORE. Not thread-safe: the replicator's alone.
 */
final class PeerBackoffs {
  /** The first backoff of a peer, and the first wait before a run is retried. */
  static final Duration FIRST = Duration.ofSeconds(5);
  /** The longest backoff, and the longest wait before a run is retried. */
  static final Duration MAX = Duration.ofMinutes(5);

  /** A peer's backoff: no STOREs from re-replication before {@code untilNanos}. */
  private record Backoff(long untilNanos, Duration delay) {}

  private final Map<NodeId, Backoff> backoffs = new HashMap<>();
  /** Whether the current run left out a send because its peer was backing off. */
  private boolean skipped;

  /** A run starts: a backoff long over is forgotten, so the map does not keep every peer. */
  void startRun(long nowNanos) {
    backoffs.values().removeIf(b -> nowNanos - b.untilNanos() > MAX.toNanos());
    skipped = false;
  }

  /** Whether {@code peer} is backing off; if so, the run is marked as having left it out. */
  boolean backingOff(Contact peer, long nowNanos) {
    Backoff backoff = backoffs.get(peer.id());
    boolean waiting = backoff != null && backoff.untilNanos() - nowNanos > 0;
    skipped |= waiting;
    return waiting;
  }

  /** Whether the current run left out a send because its peer was backing off. */
  boolean skippedAny() {
    return skipped;
  }

  void stored(NodeId peer) {
    backoffs.remove(peer);
  }

  /** A STORE to {@code peer} failed: its backoff starts, or doubles once the last one is over. */
  void failed(NodeId peer, long nowNanos) {
    Backoff previous = backoffs.get(peer);
    if (previous == null || previous.untilNanos() - nowNanos <= 0) {
      Duration delay = previous == null ? FIRST : capped(previous.delay().multipliedBy(2));
      backoffs.put(peer, new Backoff(nowNanos + delay.toNanos(), delay));
    }
  }

  /** {@code delay}, or {@link #MAX} if longer. */
  static Duration capped(Duration delay) {
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
