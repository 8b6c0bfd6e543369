package io.kadence.dht.lookup;

/**
 * When a lookup's owner reports a request as slow ({@link LookupState#onSlow}): once it has
 * been unanswered for {@code factor} times the round trip of the lookup's first answer, and
 * never sooner than {@code minNanos}. Relative to the lookup's own first answer, so the delay
 * follows the network and the load: a few milliseconds on an idle local network, hundreds on a
 * busy or distant one. Before a first answer nothing is slow (there is no yardstick; alpha
 * requests are in flight anyway).
 *
 * @param factor how many first round trips make a request slow; at least 1
 * @param minNanos the shortest delay, in nanoseconds; at least 0
 */
public record LookupHedge(double factor, long minNanos) {
  public LookupHedge {
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("hedge factor must be a number >= 1, got " + factor);
    }
    if (minNanos < 0) {
      throw new IllegalArgumentException("hedge minimum must be >= 0, got " + minNanos);
    }
  }

  /** How long after its sending a request is slow, given the first answer's round trip. */
  public long delayNanos(long firstAnswerNanos) {
    double delay = Math.ceil(factor * Math.max(0, firstAnswerNanos));
    return Math.max(minNanos, delay >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) delay);
  }
}
