package io.kadence.node.routing;

import io.kadence.dht.id.NodeId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When to ping again a peer that did not answer a ping, or was evicted after failed calls:
 * a peer that is only slow (a JVM in a long GC pause, a freshly joined peer swamped by
 * re-replication) must come back into the routing table once it answers, or replica sets keep
 * leaving it out although the cluster counts it as a member. Delays double from {@code first}
 * up to {@code max}; after {@code attempts} unanswered pings the peer is given up until
 * membership reports it again. Not thread-safe: the routing actor owns it.
 */
final class ProbeBackoff {
  private final Duration first;
  private final Duration max;
  private final int attempts;
  private final Map<NodeId, Integer> tried = new HashMap<>();

  ProbeBackoff(Duration first, Duration max, int attempts) {
    this.first = first;
    this.max = max;
    this.attempts = attempts;
  }

  /** The delay before the next ping of {@code id}; empty once its attempts are used up. */
  Optional<Duration> next(NodeId id) {
    int n = tried.merge(id, 1, Integer::sum);
    if (n > attempts) {
      tried.remove(id);
      return Optional.empty();
    }
    Duration delay = first.multipliedBy(1L << Math.min(n - 1, 20));
    return Optional.of(delay.compareTo(max) > 0 ? max : delay);
  }

  /** Forgets {@code id}: it answered, or membership gave up on it. */
  void clear(NodeId id) {
    tried.remove(id);
  }

  /** Whether {@code id} waits for another ping. */
  boolean tracks(NodeId id) {
    return tried.containsKey(id);
  }
}
