package io.kadence.node.settings;

import io.kadence.dht.lookup.LookupHedge;
import java.time.Duration;

/**
 * Iterative lookup tunables (Kademlia, section 2.3), with the hedge of value lookups
 * ({@link LookupHedge}: {@code hedge-factor} first round trips, at least {@code hedge-min}).
 */
public record LookupSettings(int alpha, Duration requestTimeout, Duration timeout,
    double hedgeFactor, Duration hedgeMin) {
  public LookupSettings {
    NodeSettings.atLeast(alpha, 1, "alpha");
    NodeSettings.positive(requestTimeout, "request-timeout");
    NodeSettings.positive(timeout, "timeout");
    if (timeout.compareTo(requestTimeout) < 0) {
      throw new IllegalArgumentException("lookup timeout must not be shorter than request-timeout");
    }
    if (!(hedgeFactor >= 1) || Double.isInfinite(hedgeFactor)) {
      throw new IllegalArgumentException("hedge-factor must be a number >= 1, got " + hedgeFactor);
    }
    if (hedgeMin == null || hedgeMin.isNegative()) {
      throw new IllegalArgumentException("hedge-min must be >= 0, got " + hedgeMin);
    }
  }

  /** The hedge these settings describe. */
  public LookupHedge hedge() {
    return new LookupHedge(hedgeFactor, hedgeMin.toNanos());
  }
}
