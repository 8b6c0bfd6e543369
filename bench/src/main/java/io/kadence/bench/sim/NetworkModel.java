package io.kadence.bench.sim;

import io.kadence.dht.lookup.LookupHedge;
import java.util.Random;

/**
 * How the simulated network treats one message: a one-way delay drawn from a lognormal
 * distribution (the usual fit for wide-area round-trip times), independent loss of each request
 * and each reply, and the requester's per-request timeout, per-lookup bound and hedge (the
 * node's {@code kadence.lookup.request-timeout}, {@code timeout}, {@code hedge-factor},
 * {@code hedge-min}, {@code give-up-factor} and {@code give-up-min}: 2 s, 20 s, 2, 20 ms, 10
 * and 500 ms by default).
 *
 * @param medianMs median one-way delay in milliseconds (a round trip is two draws)
 * @param sigma standard deviation of the delay's logarithm (0 for a constant delay)
 * @param loss probability that one message is lost, 0 to below 1
 * @param requestTimeoutMs how long a requester waits for one reply before reporting a timeout
 * @param lookupTimeoutMs how long a whole lookup may run before it is cut off, unfinished
 * @param hedge when an unanswered request counts as slow, and when as timed out
 *     ({@link LookupHedge})
 * @param priorRoundTripMs the round trip by which a lookup gives requests up until its first
 *     answer, as a node's estimate from its earlier lookups ({@code RoundTripEstimate});
 *     negative: none
 */
record NetworkModel(double medianMs, double sigma, double loss, double requestTimeoutMs,
    double lookupTimeoutMs, LookupHedge hedge, double priorRoundTripMs) {

  NetworkModel {
    if (!(medianMs > 0) || !(sigma >= 0) || !(loss >= 0 && loss < 1) || !(requestTimeoutMs > 0)
        || !(lookupTimeoutMs >= requestTimeoutMs) || hedge == null) {
      throw new IllegalArgumentException("need median > 0, sigma >= 0, 0 <= loss < 1, "
          + "request timeout > 0, lookup timeout >= request timeout, a hedge; got " + this);
    }
  }

  /** The prior round trip in nanoseconds, or -1 for none. */
  long priorRoundTripNanos() {
    return priorRoundTripMs < 0 ? -1 : Math.round(priorRoundTripMs * 1e6);
  }

  /** One one-way delay in milliseconds. */
  double delay(Random random) {
    return medianMs * Math.exp(sigma * random.nextGaussian());
  }

  /** Whether one message is lost. */
  boolean lost(Random random) {
    return loss > 0 && random.nextDouble() < loss;
  }
}
