package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookup <key|id> [--trace]}: the k closest peers to a key or a 64-hex-digit node ID, by
 * an iterative lookup (Kademlia, section 2.3; {@code GET /v1/lookup/{key-or-id}}).
 */
@Command(name = "lookup", description = "Find the peers closest to a key or a node ID.")
public final class LookupCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "<key|id>",
      description = "A key, or a node ID as 64 hex digits.")
  private String target;

  @Option(names = "--trace", description = "Also print who was asked and who answered, hop by hop.")
  private boolean trace;

  @Override
  protected JsonNode request(NodeClient client) {
    return client.get("/v1/lookup/" + NodeClient.segment(target) + (trace ? "?trace=true" : ""));
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    JsonNode closest = reply.path("closest");
    out.println("target " + reply.path("target").asText());
    out.printf("%s closest after %s (%d queried, %d failed, %d ms)%s%n",
        Text.count(closest.size(), "peer"), Text.count(reply.path("rounds").asInt(), "round"),
        reply.path("queried").asInt(), reply.path("failed").size(),
        reply.path("elapsedMs").asLong(),
        reply.path("timedOut").asBoolean() ? "; timed out, so this may be partial" : "");
    Table table = new Table("#", "ID", "ADDRESS");
    int i = 1;
    for (JsonNode c : closest) {
      table.row(i++, Text.shortId(c.path("id").asText()), c.path("address").asText());
    }
    table.print(out, "  ");
    List<String> failed = new ArrayList<>();
    reply.path("failed").forEach(f -> failed.add(Text.contact(f)));
    if (!failed.isEmpty()) {
      out.println("failed: " + String.join(", ", failed));
    }
    if (reply.has("trace")) {
      out.println("trace:");
      reply.path("trace").forEach(line -> out.println("  " + line.asText()));
    }
  }
}
