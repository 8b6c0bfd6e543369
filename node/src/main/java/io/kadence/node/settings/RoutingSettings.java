package io.kadence.node.settings;

import java.time.Duration;

/** Routing table tunables (Kademlia, sections 2.2 and 4.1). */
public record RoutingSettings(int k, int replacementCache, Duration refreshInterval,
    Duration pingTimeout) {
  public RoutingSettings {
    NodeSettings.atLeast(k, 1, "k");
    NodeSettings.atLeast(replacementCache, 0, "replacement-cache");
    NodeSettings.positive(refreshInterval, "refresh-interval");
    NodeSettings.positive(pingTimeout, "ping-timeout");
  }
}
