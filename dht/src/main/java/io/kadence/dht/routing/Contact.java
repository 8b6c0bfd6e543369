package io.kadence.dht.routing;

import io.kadence.dht.id.NodeId;
import java.util.Objects;

/**
 * A peer as the routing table knows it: its node ID and the host and port of its transport
 * endpoint. The node module turns host and port into a Pekko address; the core does not care.
 */
public record Contact(NodeId id, String host, int port) {
  /** Longest host name accepted (RFC 1035 limit for a domain name). */
  public static final int MAX_HOST_LENGTH = 253;

  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      throw new IllegalArgumentException("host must be 1.." + MAX_HOST_LENGTH + " characters");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range 1..65535: " + port);
    }
  }

  /** {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return id.shortHex() + "@" + address();
  }
}
