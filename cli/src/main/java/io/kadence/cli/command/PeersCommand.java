package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code peers}: the peer's routing table, bucket by bucket, with each bucket's replacement
 * cache (Kademlia, sections 2.2 and 4.1; {@code GET /v1/routing}).
 */
@Command(name = "peers", description = "Show the routing table by bucket.")
public final class PeersCommand extends ClientCommand {
  @Override
  protected JsonNode request(NodeClient client) {
    return client.get("/v1/routing");
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    out.printf("routing table of %s: %s%n", Text.shortId(reply.path("self").asText()),
        Text.count(reply.path("size").asInt(), "contact"));
    Table table = new Table("BUCKET", "ID", "ADDRESS", "");
    for (JsonNode bucket : reply.path("buckets")) {
      String index = bucket.path("index").asText();
      for (JsonNode c : bucket.path("contacts")) {
        table.row(index, Text.shortId(c.path("id").asText()), c.path("address").asText(), "");
      }
      for (JsonNode c : bucket.path("cache")) {
        table.row(index, Text.shortId(c.path("id").asText()), c.path("address").asText(),
            "(replacement cache)");
      }
    }
    table.print(out, "  ");
  }
}
