package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code info}: who and where the peer is, its state and uptime, what it stores, and its
 * message and rejection counters ({@code GET /v1/node}).
 */
@Command(name = "info", description = "Show the peer's identity, state and counters.")
public final class InfoCommand extends ClientCommand {
  @Override
  protected JsonNode request(NodeClient client) {
    return client.get("/v1/node");
  }

  @Override
  protected void print(JsonNode reply, PrintWriter out) {
    JsonNode storage = reply.path("storage");
    JsonNode messages = reply.path("messages");
    new Table("", "")
        .row("id", reply.path("id").asText())
        .row("address", reply.path("address").asText())
        .row("http", nodeUrl())
        .row("state", reply.path("state").asText())
        .row("uptime", Text.duration(reply.path("uptimeMs").asLong()))
        .row("routing", Text.count(reply.path("routingContacts").asInt(), "contact"))
        .row("members", reply.path("members").asInt() + " up, "
            + reply.path("unreachable").asInt() + " unreachable")
        .row("records", storage.path("records").asLong() + " ("
            + Text.count(storage.path("keys").asLong(), "key") + ", "
            + storage.path("valueBytes").asLong() + " value bytes)")
        .row("refused stores", Text.counters(storage.path("refusals")))
        .row("requests in", Text.counters(messages.path("inboundRequests")))
        .row("rejected in", Text.counters(messages.path("inboundRejections")))
        .row("handler failures", messages.path("handlerFailures").asLong())
        .row("calls out", Text.counters(messages.path("outboundCalls")))
        .row("failed calls out", Text.counters(messages.path("outboundFailures")))
        .print(out);
  }
}
