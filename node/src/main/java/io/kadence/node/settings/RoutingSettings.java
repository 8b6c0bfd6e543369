package io.kadence.node.settings;

import java.time.Duration;

/** Routing table tunables (Kademlia, sections 2.2 and 4.1); reference.conf gives each one's meaning. */
public record RoutingSettings(int k, int replacementCache, Duration refreshInterval,
    Duration pingTimeout, int maxFailures, Duration saveDelay, Duration reprobeMinBackoff,
    Duration reprobeMaxBackoff, int reprobeAttempts, Duration questionableAfter) {
  public RoutingSettings {
    if (questionableAfter.isNegative()) {
      throw new IllegalArgumentException("questionable-after must not be negative, got "
          + questionableAfter);
    }
    NodeSettings.atLeast(maxFailures, 1, "max-failures");
    NodeSettings.positive(saveDelay, "save-delay");
    NodeSettings.positive(reprobeMinBackoff, "reprobe-min-backoff");
    NodeSettings.positive(reprobeMaxBackoff, "reprobe-max-backoff");
    NodeSettings.atLeast(reprobeAttempts, 0, "reprobe-attempts");
    NodeSettings.atLeast(k, 1, "k");
    NodeSettings.atLeast(replacementCache, 0, "replacement-cache");
    NodeSettings.positive(refreshInterval, "refresh-interval");
    NodeSettings.positive(pingTimeout, "ping-timeout");
  }
}
