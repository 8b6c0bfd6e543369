package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.client.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * OpenDHT peers through the REST API of {@code dhtnode --proxyserver PORT}. The key's infohash
 * is SHA-1 of the key string's UTF-8 bytes, 40 hex digits, as OpenDHT's {@code InfoHash::get}.
 *
 * <p>The shapes, as observed with curl against dhtnode 2.4.12 (Debian 2.4.12-7) on 2026-11-22:
 * two nodes bootstrapped together on 127.0.0.1, {@code dhtnode -s -p 18400 -n 77 -U
 * --proxyserver 18080} and {@code dhtnode -s -p 18401 -n 77 -U -b 127.0.0.1:18400
 * --proxyserver 18081}. Every answer has {@code Content-Type: application/json} and
 * {@code Server: RESTinio}.
 * <pre>
 * GET /
 *   200 {"ipv4":{"dubious":0,"good":1,"incoming":0},"ipv6":{"dubious":0,"good":0,"incoming":0},
 *        "node_id":"07d769657d9edcd07b06e4762602e2eda395b884","ops":1,
 *        "public_ip":"::ffff:127.0.0.1"}                                  (one line)
 * POST /key/4452043dda92de35332685faf07085c000024b05   body {"data":"aGVsbG8="}
 *   200 {"data":"aGVsbG8=","id":"10458989757523838871","type":0}
 *       (answered once the put is done, in about 1 ms here; "id" is the value id, decimal)
 * POST /key/{hash} on a lone node (another network id, no peer)
 *   502 {"err":"Put failed"}
 * POST /key/{hash}   body notjson
 *   400 {"err:":"Incorrect JSON"}                          (sic: the key is "err:")
 * POST /key/{hash}   body {}
 *   200 {"data":"","id":"10288418814039936376","type":0}   (an empty value is stored)
 * GET /key/4452043dda92de35332685faf07085c000024b05   (after puts through both nodes)
 *   200, Transfer-Encoding: chunked, one value per line, each ending in "\n":
 *       {"data":"aGVsbG8=","id":"10458989757523838871","type":0}
 *       {"data":"d29ybGQ=","id":"12752837505680543863","type":0}
 *       {"data":"","id":"10288418814039936376","type":0}
 * GET /key/0000000000000000000000000000000000000001   (nothing stored there)
 *   200, chunked, empty body
 * </pre>
 * So a put is acknowledged by 200; a get succeeds when one line's {@code data} is the value
 * put, and an empty answer or only other values is a lost key. The tests' FakeOpenDht
 * answers the same way.
 */
final class OpenDhtTarget implements BenchTarget {
  private final BenchHttp http;

  OpenDhtTarget(BenchHttp http) {
    this.http = http;
  }

  @Override
  public String system() {
    return "opendht";
  }

  /** OpenDHT's {@code InfoHash::get(key)}: SHA-1 of the UTF-8 bytes, lower-case hex. */
  static String infoHash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  @Override
  public CompletableFuture<OpResult> put(URI peer, String key, byte[] value) {
    String body = Json.compact(Json.object().put("data",
        Base64.getEncoder().encodeToString(value)));
    HttpRequest request = http.request(keyUri(peer, key))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return http.send(request).handle((response, failure) -> {
      if (failure != null) {
        return OpResult.failed(BenchHttp.reasonOf(failure));
      }
      return response.statusCode() == 200 ? OpResult.OK
          : OpResult.failed(httpReason(response));
    });
  }

  @Override
  public CompletableFuture<OpResult> get(URI peer, RecordedKey key) {
    HttpRequest request = http.request(keyUri(peer, key.key())).GET().build();
    return http.send(request).handle((response, failure) -> failure != null
        ? OpResult.failed(BenchHttp.reasonOf(failure)) : getResult(response, key));
  }

  @Override
  public CompletableFuture<OpResult> probe(URI peer) {
    HttpRequest request = http.request(peer.resolve("/")).GET().build();
    return http.send(request).handle((response, failure) -> {
      if (failure != null) {
        return OpResult.failed(BenchHttp.reasonOf(failure));
      }
      JsonNode body = parse(new String(response.body(), StandardCharsets.UTF_8));
      return response.statusCode() == 200 && body != null && body.has("node_id") ? OpResult.OK
          : OpResult.failed("GET / answered " + response.statusCode() + " without a node_id; "
              + "is this a dhtnode --proxyserver port?");
    });
  }

  @Override
  public CompletableFuture<JsonNode> selfReport(URI peer) {
    return CompletableFuture.completedFuture(null);
  }

  static OpResult getResult(HttpResponse<byte[]> response, RecordedKey key) {
    if (response.statusCode() != 200) {
      return OpResult.failed(httpReason(response));
    }
    boolean any = false;
    for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
      JsonNode value = parse(line);
      if (value == null || !value.has("data")) {
        continue;
      }
      any = true;
      if (key.matches(Base64.getDecoder().decode(value.get("data").asText()))) {
        return OpResult.OK;
      }
    }
    return OpResult.lost(any ? "wrong value" : "not found");
  }

  private static String httpReason(HttpResponse<byte[]> response) {
    JsonNode body = parse(new String(response.body(), StandardCharsets.UTF_8));
    String err = body == null ? "" : body.path("err").asText("");
    return "http " + response.statusCode() + (err.isEmpty() ? "" : " " + err);
  }

  private static URI keyUri(URI peer, String key) {
    return peer.resolve("/key/" + infoHash(key));
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : Json.parse(text);
    } catch (IOException e) {
      return null;
    }
  }
}
