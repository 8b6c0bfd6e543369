package io.kadence.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of one peer's HTTP API (docs/HTTP-API.md): sends a request, returns the JSON reply,
 * and turns every failure into a {@link CliException} with the exit code a script can test —
 * {@link ApiException} for an error reply, {@link ExitCodes#UNREACHABLE} when nobody answers.
 */
public final class NodeClient {
  /** How long to wait for the TCP connection to the peer. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** How long to wait for a reply; above the peer's own 20 s lookup timeout. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;

  /** A client of the API at {@code base}, e.g. {@code http://127.0.0.1:7480}. */
  public NodeClient(URI base) {
    this(base, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
  }

  /** A client with its own timeouts (the local-net poller uses short ones). */
  public NodeClient(URI base, Duration connectTimeout, Duration requestTimeout) {
    this.base = base;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The API's base URL. */
  public URI base() {
    return base;
  }

  /** {@code GET path}; {@code path} starts with {@code /v1/} and is already encoded. */
  public JsonNode get(String path) {
    return send(request(path).GET());
  }

  /** {@code PUT path} with a raw body (a value's bytes). */
  public JsonNode put(String path, byte[] body) {
    return send(request(path).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** {@code POST path} with no body, authorized by the peer's admin token. */
  public JsonNode postAdmin(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code text} as one percent-encoded path segment (a key may hold '/', '?' or spaces). */
  public static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILURE, "interrupted", e);
    } catch (IOException e) {
      throw unreachable(e);
    }
    JsonNode body = parseOrNull(response.body());
    if (response.statusCode() / 100 != 2) {
      throw ApiException.of(response.statusCode(), body, response.body());
    }
    if (body == null) {
      throw new CliException(ExitCodes.FAILURE, "the node at " + base + " answered "
          + request.method() + " " + request.uri().getRawPath() + " with something that is not "
          + "JSON; is that a Kadence peer's HTTP API?");
    }
    return body;
  }

  private CliException unreachable(IOException e) {
    String why;
    if (e instanceof HttpConnectTimeoutException) {
      why = "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
    } else if (e instanceof HttpTimeoutException) {
      return new CliException(ExitCodes.UNREACHABLE, "the node at " + base + " did not answer "
          + "within " + requestTimeout.toSeconds() + " s", e);
    } else if (hasCause(e, UnresolvedAddressException.class)
        || hasCause(e, UnknownHostException.class)) {
      why = "unknown host " + base.getHost();
    } else if (e instanceof ConnectException) {
      why = "connection refused";
    } else {
      why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return new CliException(ExitCodes.UNREACHABLE, "cannot reach the node at " + base + " ("
        + why + "); is it running? Choose another with --node", e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode parseOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
