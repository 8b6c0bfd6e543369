package io.kadence.node.http;

import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HttpSettings;
import java.io.IOException;
import java.net.BindException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * The JSON API over HTTP that every peer serves (DESIGN.md, "Interfaces"; the contract is
 * docs/HTTP-API.md): keys, lookups, the records held locally, node info, routing table,
 * members, stats, and the admin call to leave. Built with pekko-http's Java DSL, one route
 * class per resource; every error, a rejection or an unexpected exception included, is answered
 * as JSON by {@link ErrorHandlers}.
 *
 * <pre>{@code
 * HttpServer http = HttpApi.bind(node, settings.http()).toCompletableFuture().join();
 * System.out.println("HTTP API at " + http.address());
 * }</pre>
 */
public final class HttpApi extends AllDirectives {
  /** Room for the longest key, percent-encoded (3 characters a byte), path and query. */
  static final int MAX_URI_LENGTH = 4096;

  private final KadenceNode node;
  private final AdminToken token;
  private final Logger log;
  private final Duration requestTimeout;

  private HttpApi(KadenceNode node, AdminToken token) {
    this.node = node;
    this.token = token;
    this.log = node.actorSystem().log();
    // Longer than the node's own wait for a put, get or lookup (twice the lookup timeout plus
    // 5 s), so that the node's answer, even "did not answer in time", is what the client sees.
    this.requestTimeout = node.settings().lookup().timeout().multipliedBy(2).plusSeconds(10);
  }

  /**
   * Writes a fresh admin token to the peer's data dir ({@link AdminToken}), then serves the API
   * on {@code settings.host():settings.port()} (port 0 picks a free one) until the peer's actor
   * system terminates or {@link HttpServer#stop()}.
   *
   * @return completes with the running server, or fails if the token cannot be written or the
   *     address cannot be bound
   */
  public static CompletionStage<HttpServer> bind(KadenceNode node, HttpSettings settings) {
    AdminToken token;
    try {
      token = AdminToken.writeNew(node.dataDir(), new SecureRandom());
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new IOException("cannot write the admin token to "
          + AdminToken.file(node.dataDir()) + ": " + e.getMessage(), e));
    }
    HttpApi api = new HttpApi(node, token);
    scala.concurrent.duration.Duration idle = scala.concurrent.duration.Duration.fromNanos(
        api.requestTimeout.plusSeconds(30).toNanos());
    return Http.get(node.actorSystem()).newServerAt(settings.host(), settings.port())
        .adaptSettings(server -> server
            .withParserSettings(server.getParserSettings().withMaxUriLength(MAX_URI_LENGTH))
            .withParsingErrorHandler(JsonParsingErrorHandler.class.getName())
            .withTimeouts(server.getTimeouts().withIdleTimeout(idle)))
        .bind(api.route())
        .handle((binding, failure) -> {
          if (failure != null) {
            throw new CompletionException(bindFailure(settings, failure));
          }
          binding.addToCoordinatedShutdown(HttpServer.STOP_DEADLINE, node.actorSystem());
          HttpServer server = new HttpServer(binding);
          api.log.info("node {}: HTTP API at http://{}/v1", node.id().shortHex(),
              server.address());
          return server;
        });
  }

  /** Says which address could not be bound, and what to do if it is taken. */
  private static IOException bindFailure(HttpSettings settings, Throwable failure) {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    String where = host + ":" + settings.port();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return new IOException("cannot serve the HTTP API on " + where + ": " + t.getMessage()
            + " (is another program using that port? choose one with --http-port)", failure);
      }
    }
    return new IOException("cannot serve the HTTP API on " + where + ": "
        + failure.getMessage(), failure);
  }

  /** Every route of the API, with its errors as JSON. */
  Route route() {
    ErrorHandlers errors = new ErrorHandlers(log);
    return withRequestTimeout(requestTimeout, request -> ApiError.internal("no answer within "
            + requestTimeout.toSeconds() + " s").toResponse(), () ->
        handleExceptions(errors.exceptions(), () -> handleRejections(errors.rejections(), () ->
            pathPrefix("v1", () -> concat(
                new KeyRoutes(node, log).route(),
                new LookupRoutes(node, log).route(),
                new NodeRoutes(node, log).route(),
                new MemberRoutes(node, log).route(),
                new LocalRoutes(node, log).route(),
                new AdminRoutes(node, token, log).route())))));
  }
}
