package io.kadence.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP API of one child peer (docs/HTTP-API.md) as JSON requests with a timeout; a failed
 * connection or a timeout is an {@link UncheckedIOException} that names the request.
 */
final class PeerHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;

  PeerHttp(HttpClient client, URI base, Duration timeout) {
    this.client = client;
    this.base = base;
    this.timeout = timeout;
  }

  /** An HTTP status and the JSON body (a missing node if the body is not JSON). */
  record Reply(int status, JsonNode body) {}

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply put(String path, byte[] body) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/octet-stream").build());
  }

  Reply post(String path, String bearer) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + bearer).build());
  }

  /** {@code key} as one path segment. */
  static String segment(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Accept", "application/json");
  }

  private Reply send(HttpRequest request) {
    String what = request.method() + " " + request.uri();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
