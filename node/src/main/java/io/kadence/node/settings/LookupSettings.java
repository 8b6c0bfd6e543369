package io.kadence.node.settings;

import io.kadence.dht.lookup.LookupHedge;
import java.time.Duration;
import java.util.Objects;

/**
 * Iterative lookup tunables (Kademlia, section 2.3), with the hedge of lookups
 * ({@link LookupHedge}: slow after {@code hedge-factor} first round trips, at least
 * {@code hedge-min}; given up after {@code give-up-factor}, at least {@code give-up-min};
 * LookupHedge checks them). {@code putWidth} is how many closest peers a put's FIND_NODE
 * converges on (at most k; {@link NodeSettings} checks it covers the replica set).
 */
public record LookupSettings(int alpha, int putWidth, Duration requestTimeout, Duration timeout,
    LookupHedge hedge) {
  public LookupSettings {
    NodeSettings.atLeast(alpha, 1, "alpha");
    NodeSettings.atLeast(putWidth, 1, "put-width");
    NodeSettings.positive(requestTimeout, "request-timeout");
    NodeSettings.positive(timeout, "timeout");
    if (timeout.compareTo(requestTimeout) < 0) {
      throw new IllegalArgumentException("lookup timeout must not be shorter than request-timeout");
    }
    Objects.requireNonNull(hedge, "hedge");
  }
}
