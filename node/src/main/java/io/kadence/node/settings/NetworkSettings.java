package io.kadence.node.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where a peer listens, whom it joins through, and where it keeps its data. */
public record NetworkSettings(String host, int port, List<HostPort> bootstrap, Path dataDir) {
  public NetworkSettings {
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
}
