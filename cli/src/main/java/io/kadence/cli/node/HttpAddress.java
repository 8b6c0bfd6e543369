package io.kadence.cli.node;

import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HttpSettings;

/**
 * Where a started peer serves its HTTP API, for the banner of {@code kadence node}.
 *
 * <p>This is the one place that asks for it. Until {@code KadenceNode.httpAddress()} (the bound
 * address, which also knows the port a {@code --http-port 0} picked) is merged, it is computed
 * from the peer's settings; after the merge this method returns {@code node.httpAddress()}.
 */
public final class HttpAddress {
  private HttpAddress() {}

  /** The base URL of the peer's HTTP API, e.g. {@code http://127.0.0.1:7480}. */
  public static String of(KadenceNode node) {
    HttpSettings http = node.settings().http();
    String host = http.host().contains(":") ? "[" + http.host() + "]" : http.host();
    String url = "http://" + host + ":" + http.port();
    return http.port() == 0 ? url + " (a free port; see the peer's log)" : url;
  }
}
