package io.kadence.node.http;

import io.kadence.dht.id.NodeId;
import io.kadence.node.KadenceNode;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * {@code GET /v1/lookup/{key-or-id}?trace=true} (docs/HTTP-API.md): an iterative FIND_NODE
 * lookup (Kademlia, section 2.3) of a raw id (64 hex digits) or of a user key's id, with the
 * lookup's trace if asked for.
 */
final class LookupRoutes extends ApiDirectives {
  private final KadenceNode node;

  LookupRoutes(KadenceNode node, Logger log) {
    super(log);
    this.node = node;
  }

  Route route() {
    return pathPrefix("lookup", () -> concat(
        pathEndOrSingleSlash(() -> respond(ApiError.badKey(
            "give a key or a 64-hex-digit id: /v1/lookup/{key-or-id}"))),
        path(PathMatchers.segment(), segment -> get(() -> parameterOptional("trace", trace -> {
          NodeId target = RequestParams.lookupTarget(segment);
          boolean withTrace = RequestParams.flag("trace", trace);
          return answer(node.lookup(target), report -> Json.ok(LookupJson.of(report, withTrace)));
        })))));
  }
}
