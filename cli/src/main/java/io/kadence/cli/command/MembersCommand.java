package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code members}: the cluster members the peer knows, with their status and whether its
 * failure detector finds them reachable (DESIGN.md, "Membership"; {@code GET /v1/members}).
 */
@Command(name = "members", description = "Show the cluster members and their reachability.")
public final class MembersCommand extends ClientCommand {
  @Override
  protected JsonNode request(NodeClient client) {
    return client.get("/v1/members");
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    Table table = new Table("ADDRESS", "ID", "STATUS", "REACHABLE");
    int unreachable = 0;
    for (JsonNode m : reply.path("members")) {
      boolean reachable = m.path("reachable").asBoolean(true);
      unreachable += reachable ? 0 : 1;
      table.row(m.path("address").asText(), m.path("id").isTextual()
          ? Text.shortId(m.path("id").asText()) : "-",
          m.path("status").asText(), reachable ? "yes" : "NO");
    }
    table.print(out);
    out.printf("%s, %d unreachable%n", Text.count(reply.path("members").size(), "member"),
        unreachable);
  }
}
