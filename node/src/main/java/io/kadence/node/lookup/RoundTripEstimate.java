package io.kadence.node.lookup;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The round trip a node's next lookup can expect, from what its earlier lookups measured: a
 * smoothed mean of their first answers' round trips, weighted as TCP's smoothed round-trip time
 * (RFC 6298: 7/8 of the old estimate, 1/8 of the new sample). Until its own first answer a
 * lookup gives requests up by it ({@code HedgeSchedule}'s prior), so that a dead peer among
 * the first peers asked costs the hedge's give-up delay (at least {@code give-up-min}), not the
 * request timeout. Thread-safe: every lookup of the node reads and updates it.
 */
public final class RoundTripEstimate {
  private final AtomicLong smoothed = new AtomicLong(-1);

  /** The estimate in nanoseconds, or -1 before any lookup of this node had an answer. */
  public long nanos() {
    return smoothed.get();
  }

  /** Takes in the round trip of a lookup's first answer; a negative one is ignored. */
  public void observe(long roundTripNanos) {
    if (roundTripNanos < 0) {
      return;
    }
    smoothed.getAndUpdate(old -> old < 0 ? roundTripNanos : old + (roundTripNanos - old) / 8);
  }
}
