package io.kadence.node.settings;

import java.util.Objects;

/** Where the peer's HTTP API listens. */
public record HttpSettings(String host, int port) {
  public HttpSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }
}
