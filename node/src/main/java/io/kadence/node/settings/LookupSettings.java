package io.kadence.node.settings;

import java.time.Duration;

/** Iterative lookup tunables (Kademlia, section 2.3). */
public record LookupSettings(int alpha, Duration requestTimeout, Duration timeout) {
  public LookupSettings {
    NodeSettings.atLeast(alpha, 1, "alpha");
    NodeSettings.positive(requestTimeout, "request-timeout");
    NodeSettings.positive(timeout, "timeout");
    if (timeout.compareTo(requestTimeout) < 0) {
      throw new IllegalArgumentException("lookup timeout must not be shorter than request-timeout");
    }
  }
}
