package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.Json;
import io.kadence.cli.client.NodeClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Kadence peers through their HTTP API (docs/HTTP-API.md): {@code PUT /v1/keys/{key}} is
 * acknowledged by 200 with {@code "success": true}; {@code GET /v1/keys/{key}} succeeds when one
 * of the records holds the value put, and a 404 is a lost key.
 */
final class KadenceTarget implements BenchTarget {
  private final BenchHttp http;

  KadenceTarget(BenchHttp http) {
    this.http = http;
  }

  @Override
  public String system() {
    return "kadence";
  }

  @Override
  public CompletableFuture<OpResult> put(URI peer, String key, byte[] value) {
    HttpRequest request = http.request(keyUri(peer, key))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build();
    return http.send(request).handle((response, failure) -> failure != null
        ? OpResult.failed(BenchHttp.reasonOf(failure)) : putResult(response));
  }

  @Override
  public CompletableFuture<OpResult> get(URI peer, RecordedKey key) {
    HttpRequest request = http.request(keyUri(peer, key.key())).GET().build();
    return http.send(request).handle((response, failure) -> failure != null
        ? OpResult.failed(BenchHttp.reasonOf(failure)) : getResult(response, key));
  }

  @Override
  public CompletableFuture<OpResult> probe(URI peer) {
    return selfReportOrFailure(peer).thenApply(reply -> reply.has("id") ? OpResult.OK
        : OpResult.failed(reply.path("reason").asText("not a Kadence peer")));
  }

  @Override
  public CompletableFuture<JsonNode> selfReport(URI peer) {
    return selfReportOrFailure(peer).thenApply(reply -> reply.has("id") ? reply : null);
  }

  /** {@code GET /v1/node}, or {@code {"reason": ...}} if it did not answer with a node. */
  private CompletableFuture<JsonNode> selfReportOrFailure(URI peer) {
    HttpRequest request = http.request(peer.resolve("/v1/node")).GET().build();
    return http.send(request).handle((response, failure) -> {
      if (failure != null) {
        return reason(BenchHttp.reasonOf(failure));
      }
      JsonNode body = parse(response.body());
      if (response.statusCode() != 200 || body == null || !body.has("id")) {
        return reason("GET /v1/node answered " + response.statusCode()
            + (body == null ? " without JSON; is this a Kadence peer's HTTP API?" : ""));
      }
      return body;
    });
  }

  private static OpResult putResult(HttpResponse<byte[]> response) {
    JsonNode body = parse(response.body());
    if (response.statusCode() == 200 && body != null && body.path("success").asBoolean()) {
      return OpResult.OK;
    }
    return OpResult.failed(httpReason(response.statusCode(), body));
  }

  private static OpResult getResult(HttpResponse<byte[]> response, RecordedKey key) {
    JsonNode body = parse(response.body());
    if (response.statusCode() == 404) {
      return OpResult.lost("not found");
    }
    if (response.statusCode() != 200 || body == null) {
      return OpResult.failed(httpReason(response.statusCode(), body));
    }
    for (JsonNode record : body.path("records")) {
      if (key.matches(Base64.getDecoder().decode(record.path("value").asText()))) {
        return OpResult.OK;
      }
    }
    return OpResult.lost("wrong value");
  }

  private static String httpReason(int status, JsonNode body) {
    String code = body == null ? "" : body.path("error").asText("");
    return "http " + status + (code.isEmpty() ? "" : " " + code);
  }

  private static URI keyUri(URI peer, String key) {
    return peer.resolve("/v1/keys/" + NodeClient.segment(key));
  }

  private static JsonNode reason(String why) {
    return Json.object().put("reason", why);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }
}
