package io.kadence.node.settings;

import java.time.Duration;

/** Checks on inbound signed messages: freshness, replay memory and size. */
public record SecuritySettings(Duration freshnessWindow, int replayCapacity, int maxEnvelopeBytes) {
  public SecuritySettings {
    NodeSettings.positive(freshnessWindow, "freshness-window");
    NodeSettings.atLeast(replayCapacity, 1, "replay-capacity");
    NodeSettings.atLeast(maxEnvelopeBytes, 256, "max-envelope-size");
  }
}
