package io.kadence.node.settings;

import java.time.Duration;

/** Routing table tunables (Kademlia, sections 2.2 and 4.1). */
public record RoutingSettings(int k, int replacementCache, Duration refreshInterval,
    Duration pingTimeout, int maxFailures, Duration saveInterval) {
  public RoutingSettings {
    NodeSettings.atLeast(maxFailures, 1, "max-failures");
    NodeSettings.positive(saveInterval, "save-interval");
    NodeSettings.atLeast(k, 1, "k");
    NodeSettings.atLeast(replacementCache, 0, "replacement-cache");
    NodeSettings.positive(refreshInterval, "refresh-interval");
    NodeSettings.positive(pingTimeout, "ping-timeout");
  }
}
