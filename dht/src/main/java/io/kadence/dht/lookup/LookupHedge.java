package io.kadence.dht.lookup;

/**
 * When a lookup's owner reports a request as slow ({@link LookupState#onSlow}), and when it gives
 * up on it ({@link LookupState#onTimeout}), both measured in round trips of the lookup's first
 * answer. Slow: unanswered for {@code factor} first round trips, and never sooner than
 * {@code minNanos}; the next peer is asked while the answer is still awaited. Given up:
 * unanswered for {@code giveUpFactor} first round trips, and never sooner than
 * {@code giveUpMinNanos}; the request then counts as timed out for the lookup, which stops
 * waiting on it (a late answer is still taken while the lookup runs), so a dead peer among the
 * closest costs the lookup this delay instead of the whole request timeout (the owner's, which
 * still bounds both). Relative to the lookup's own first answer, so the delays follow the
 * network and the load: milliseconds on an idle local network, hundreds on a busy or distant
 * one. Before a first answer nothing is slow, and a request is given up only by the owner's
 * prior round trip, if it has one (the node's earlier lookups: {@link HedgeSchedule}).
 *
 * @param factor how many first round trips make a request slow; at least 1
 * @param minNanos the shortest delay to slow, in nanoseconds; at least 0
 * @param giveUpFactor how many first round trips make the lookup give a request up; at least
 *     {@code factor}
 * @param giveUpMinNanos the shortest delay to giving up, in nanoseconds; at least
 *     {@code minNanos}
 */
public record LookupHedge(double factor, long minNanos, double giveUpFactor, long giveUpMinNanos) {
  public LookupHedge {
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("hedge factor must be a number >= 1, got " + factor);
    }
    if (minNanos < 0) {
      throw new IllegalArgumentException("hedge minimum must be >= 0, got " + minNanos);
    }
    if (!(giveUpFactor >= factor) || Double.isInfinite(giveUpFactor)) {
      throw new IllegalArgumentException("give-up factor must be a number >= the hedge factor "
          + factor + ", got " + giveUpFactor);
    }
    if (giveUpMinNanos < minNanos) {
      throw new IllegalArgumentException("give-up minimum must be >= the hedge minimum "
          + minNanos + " ns, got " + giveUpMinNanos);
    }
  }

  /**
   * This hedge, giving up no sooner than {@code nanos} after a request's sending (for a lookup
   * whose result must not leave out a live peer that is merely slow: a put's replica set).
   */
  public LookupHedge givingUpNoSoonerThan(long nanos) {
    return new LookupHedge(factor, minNanos, giveUpFactor, Math.max(giveUpMinNanos, nanos));
  }

  /** How long after its sending a request is slow, given the first answer's round trip. */
  public long delayNanos(long firstAnswerNanos) {
    return delay(factor, minNanos, firstAnswerNanos);
  }

  /** How long after its sending a request is given up, given the first answer's round trip. */
  public long giveUpNanos(long firstAnswerNanos) {
    return delay(giveUpFactor, giveUpMinNanos, firstAnswerNanos);
  }

  private static long delay(double factor, long minNanos, long firstAnswerNanos) {
    double delay = Math.ceil(factor * Math.max(0, firstAnswerNanos));
    return Math.max(minNanos, delay >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) delay);
  }
}
