package io.kadence.node.http;

import io.kadence.node.KadenceNode;
import io.kadence.node.NodeState;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * {@code POST /v1/leave} (docs/HTTP-API.md): the admin call that makes the peer leave
 * gracefully (hand its records on, tell its contacts, leave the cluster, stop). It needs
 * {@code Authorization: Bearer <token>} with the token this API wrote to the data dir
 * ({@link AdminToken}). The answer, 202, comes as the leave starts (or, asked again, while it
 * runs); the peer stops afterwards, and with it this API.
 */
final class AdminRoutes extends ApiDirectives {
  private final KadenceNode node;
  private final AdminToken token;

  AdminRoutes(KadenceNode node, AdminToken token, Logger log) {
    super(log);
    this.node = node;
    this.token = token;
  }

  Route route() {
    return path("leave", () -> post(() -> optionalHeaderValueByName("Authorization", auth -> {
      if (!token.authorizes(auth)) {
        return complete(unauthorized(auth.isPresent()));
      }
      return answer(node.info(), info -> {
        if (!info.state().acceptsLeave()) {
          return ApiError.notServing("node is " + info.state().name().toLowerCase(Locale.ROOT)
              + "; only a serving node can leave").toResponse();
        }
        log.info("node {}: leave requested over HTTP{}", node.id().shortHex(),
            info.state() == NodeState.LEAVING ? " (already leaving: joins that leave)" : "");
        node.leave().whenComplete((result, failure) -> {
          if (failure != null) {
            log.warn("node {}: leave failed: {}", node.id().shortHex(), failure.getMessage());
          }
        });
        return Json.response(StatusCodes.ACCEPTED, Map.of("state", NodeState.LEAVING.name()));
      });
    })));
  }

  private static HttpResponse unauthorized(boolean tokenGiven) {
    String message = tokenGiven
        ? "wrong admin token: send the one in the peer's data dir (admin.token)"
        : "this is an admin call: send Authorization: Bearer <token>, the token is in the"
            + " peer's data dir (admin.token)";
    return ApiError.unauthorized(message).toResponse()
        .addHeader(WWWAuthenticate.create(HttpChallenge.createOAuth2("kadence")));
  }
}
