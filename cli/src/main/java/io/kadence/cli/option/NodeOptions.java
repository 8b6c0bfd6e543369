package io.kadence.cli.option;

import io.kadence.cli.Defaults;
import java.net.URI;
import picocli.CommandLine.Option;

/** The options every client command shares: which node to ask, and whether to print JSON. */
public final class NodeOptions {
  @Option(names = "--node", paramLabel = "URL", defaultValue = Defaults.NODE_URL_DEFAULT,
      converter = NodeUrlConverter.class,
      description = "The peer's HTTP API (default: ${DEFAULT-VALUE}; env KADENCE_NODE).")
  private URI node;

  @Option(names = "--json", description = "Print the API's JSON reply (for scripts).")
  private boolean json;

  /** The base URL of the peer's HTTP API. */
  public URI node() {
    return node;
  }

  /** Whether to print the API's JSON instead of text. */
  public boolean json() {
    return json;
  }
}
