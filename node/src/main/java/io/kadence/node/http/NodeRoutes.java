package io.kadence.node.http;

import io.kadence.node.KadenceNode;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * {@code GET /v1/node}, {@code /v1/stats} and {@code /v1/routing} (docs/HTTP-API.md): what the
 * peer says about itself, its counters, and its routing table by k-bucket (Kademlia, section
 * 2.2).
 */
final class NodeRoutes extends ApiDirectives {
  private final KadenceNode node;

  NodeRoutes(KadenceNode node, Logger log) {
    super(log);
    this.node = node;
  }

  Route route() {
    return concat(
        path("node", () -> get(() -> answer(node.info(), info -> Json.ok(NodeJson.Node.of(info))))),
        path("stats", () -> get(() ->
            answer(node.info(), info -> Json.ok(NodeJson.Stats.of(info))))),
        path("routing", () -> get(() ->
            answer(node.routing(), snapshot -> Json.ok(NodeJson.Routing.of(snapshot))))));
  }
}
