package io.kadence.cli.node;

import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HostPort;

/** Where a started peer serves its HTTP API, for the banner of {@code kadence node}. */
public final class HttpAddress {
  private HttpAddress() {}

  /** The base URL of the peer's HTTP API (the bound port), e.g. {@code http://127.0.0.1:7480}. */
  public static String of(KadenceNode node) {
    HostPort bound = node.httpAddress();
    return "http://" + bound;
  }
}
