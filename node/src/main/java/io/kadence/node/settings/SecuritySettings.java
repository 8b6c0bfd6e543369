package io.kadence.node.settings;

import java.time.Duration;

/** Checks on inbound signed messages: freshness and replay memory. */
public record SecuritySettings(Duration freshnessWindow, int replayCapacity) {
  public SecuritySettings {
    NodeSettings.positive(freshnessWindow, "freshness-window");
    NodeSettings.atLeast(replayCapacity, 1, "replay-capacity");
  }
}
