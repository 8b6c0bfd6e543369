package io.kadence.node.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Where a peer listens, whom it joins through, and where it keeps its data. */
public record NetworkSettings(String host, int port, List<HostPort> bootstrap, Path dataDir,
    Duration joinTimeout, Duration leaveTimeout) {
  public NetworkSettings {
    NodeSettings.positive(joinTimeout, "join-timeout");
    NodeSettings.positive(leaveTimeout, "leave-timeout");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    bootstrap = List.copyOf(bootstrap);
  }

  /** These settings with another port, bootstrap list and data dir (for launchers and tests). */
  public NetworkSettings with(int port, List<HostPort> bootstrap, Path dataDir) {
    return new NetworkSettings(host, port, bootstrap, dataDir, joinTimeout, leaveTimeout);
  }
}
