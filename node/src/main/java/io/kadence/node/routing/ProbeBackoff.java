package io.kadence.node.routing;

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
 * membership reports it again. Membership retries identifying a member the same way. Not
 * thread-safe: one actor owns each.
 *
 * @param <K> what a peer is known by: its node ID, or its cluster address
 */
public final class ProbeBackoff<K> {
  private final Duration first;
  private final Duration max;
  private final int attempts;
  private final Map<K, Integer> tried = new HashMap<>();

  /** Delays from {@code first}, doubling up to {@code max}, for {@code attempts} tries. */
  public ProbeBackoff(Duration first, Duration max, int attempts) {
    this.first = first;
    this.max = max;
    this.attempts = attempts;
  }

  /** The delay before the next ping of {@code id}; empty once its attempts are used up. */
  public Optional<Duration> next(K id) {
    int n = tried.merge(id, 1, Integer::sum);
    if (n > attempts) {
      tried.remove(id);
      return Optional.empty();
    }
    Duration delay = first.multipliedBy(1L << Math.min(n - 1, 20));
    return Optional.of(delay.compareTo(max) > 0 ? max : delay);
  }

  /** Forgets {@code id}: it answered, or membership gave up on it. */
  public void clear(K id) {
    tried.remove(id);
  }

  /** Whether {@code id} waits for another ping. */
  public boolean tracks(K id) {
    return tried.containsKey(id);
  }
}
