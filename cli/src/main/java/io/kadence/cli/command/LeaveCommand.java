package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.Defaults;
import io.kadence.cli.client.AdminToken;
import io.kadence.cli.client.NodeClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code leave}: asks the peer to leave gracefully — hand its records on, tell its contacts,
 * leave the cluster, stop ({@code POST /v1/leave}, an admin call: the token is read from the
 * peer's data dir).
 */
@Command(name = "leave", description = "Make the peer hand its records on and stop.")
public final class LeaveCommand extends ClientCommand {
  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = Defaults.DATA_DIR,
      description = "The peer's data dir, which holds its admin token (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Read the admin token from this file instead of <data-dir>/admin.token.")
  private Path tokenFile;

  @Override
  protected JsonNode request(NodeClient client) {
    Path file = tokenFile != null ? tokenFile : dataDir.resolve(Defaults.ADMIN_TOKEN_FILE);
    return client.postAdmin("/v1/leave", AdminToken.read(file));
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    out.printf("the peer at %s is %s: it hands its records on, then stops%n", nodeUrl(),
        reply.path("state").asText("LEAVING").toLowerCase(java.util.Locale.ROOT));
  }
}
