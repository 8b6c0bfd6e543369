package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import io.kadence.cli.option.TtlConverter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code put <key> <value> [--ttl]}: publishes a value, signed by the peer, on the key's replica
 * set ({@code PUT /v1/keys/{key}}); succeeds once the write quorum stored it.
 */
@Command(name = "put", description = "Publish a value under a key (signed by the peer).")
public final class PutCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "<key>", description = "The key, any text.")
  private String key;

  @Parameters(index = "1", paramLabel = "<value>", description = "The value, stored as UTF-8.")
  private String value;

  @Option(names = "--ttl", paramLabel = "TTL", converter = TtlConverter.class,
      description = "How long the record lives: seconds, or 90s, 10m, 2h, 1d "
          + "(default: the peer's default-ttl, 24 h).")
  private Duration ttl;

  @Override
  protected JsonNode request(NodeClient client) {
    String query = ttl == null ? "" : "?ttl=" + ttl.toSeconds();
    return client.put("/v1/keys/" + NodeClient.segment(key) + query,
        value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    int pending = reply.path("pending").asInt();
    // Out of the replicas asked (the table below), not the configured replication: a network
    // smaller than the replica set has fewer, and "2 of 5" with three peers read as a failure.
    out.printf("stored '%s' on %d of %d replicas (quorum %d)%s%n", key,
        reply.path("stored").asInt(), reply.path("replicas").size(),
        reply.path("quorum").asInt(), pending == 0 ? "" : ", " + pending + " still storing");
    if (reply.path("soleCopy").asBoolean()) {
      out.println("warning: this is the only copy; no other peer is in the network");
    }
    Table table = new Table("ID", "ADDRESS", "STATUS", "REFUSAL");
    for (JsonNode r : reply.path("replicas")) {
      table.row(Text.shortId(r.path("id").asText()), r.path("address").asText(),
          r.path("status").asText(), r.path("refusal").isNull() ? "" : r.path("refusal").asText());
    }
    table.print(out, "  ");
  }
}
