package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code get <key>}: the newest record of each publisher of a key ({@code GET /v1/keys/{key}}).
 * No record is exit code 3.
 */
@Command(name = "get", description = "Read the records stored under a key.")
public final class GetCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "<key>", description = "The key, as it was put.")
  private String key;

  @Override
  protected JsonNode request(NodeClient client) {
    return client.get("/v1/keys/" + NodeClient.segment(key));
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    JsonNode records = reply.path("records");
    out.printf("'%s': %s%n", key, Text.count(records.size(), "record"));
    Table table = new Table("PUBLISHER", "SEQUENCE", "EXPIRES", "VALUE");
    for (JsonNode r : records) {
      JsonNode text = r.path("text");
      String value = text.isTextual() ? text.asText() : "base64:" + r.path("value").asText();
      table.row(Text.shortId(r.path("publisher").asText()), r.path("sequence").asText(),
          r.path("expires").asText(), value);
    }
    table.print(out, "  ");
    int repairs = reply.path("repairs").asInt();
    if (repairs > 0) {
      out.println("repaired " + Text.count(repairs, "stale replica"));
    }
  }

  @Override
  protected int exitCode(JsonNode reply) {
    return reply.path("records").isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
  }
}
