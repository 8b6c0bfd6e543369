package io.kadence.node.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.dht.id.Key;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT} and {@code GET /v1/keys/{key}} against one real lone peer. */
@ExtendWith(LogCapturingExtension.class)
class KeyRoutesTest {
  @TempDir static Path dir;
  static TestPeer peer;

  @BeforeAll
  static void start() throws Exception {
    peer = TestPeer.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void put_shouldStoreOnTheLonePeerWhenTheValueIsWithinTheLimit() throws Exception {
    HttpResponse<String> put = peer.put("/v1/keys/greeting", "hello".getBytes(UTF_8));

    assertEquals(200, put.statusCode(), put.body());
    assertEquals("application/json", put.headers().firstValue("Content-Type").orElseThrow());
    JsonNode json = TestPeer.json(put);
    assertEquals("greeting", json.get("key").asText());
    assertEquals(Key.of("greeting").toHex(), json.get("keyId").asText());
    assertTrue(json.get("success").asBoolean());
    assertEquals(1, json.get("stored").asInt());
    assertEquals(1, json.get("quorum").asInt());
    assertTrue(json.get("soleCopy").asBoolean());
    assertTrue(json.get("replication").asInt() >= 1);
    JsonNode replica = json.get("replicas").get(0);
    assertEquals(peer.node.id().toHex(), replica.get("id").asText());
    assertEquals(peer.node.address().toString(), replica.get("address").asText());
    assertEquals("STORED", replica.get("status").asText());
    assertTrue(replica.get("refusal").isNull());
  }

  @Test
  void get_shouldReturnTheRecordWithValueAndTextWhenItWasPut() throws Exception {
    peer.put("/v1/keys/colour?ttl=2h", "blue".getBytes(UTF_8));
    Instant before = Instant.now();

    HttpResponse<String> get = peer.get("/v1/keys/colour");

    assertEquals(200, get.statusCode(), get.body());
    JsonNode json = TestPeer.json(get);
    assertEquals("colour", json.get("key").asText());
    assertEquals(Key.of("colour").toHex(), json.get("keyId").asText());
    assertEquals(0, json.get("repairs").asInt());
    JsonNode record = json.get("records").get(0);
    assertEquals(peer.node.id().toHex(), record.get("publisher").asText());
    assertTrue(record.get("sequence").asLong() > 0);
    assertEquals("blue", new String(Base64.getDecoder().decode(record.get("value").asText()),
        UTF_8));
    assertEquals("blue", record.get("text").asText());
    Instant created = Instant.parse(record.get("created").asText());
    Instant expires = Instant.parse(record.get("expires").asText());
    assertEquals(Duration.ofHours(2), Duration.between(created, expires), "ttl=2h");
    assertFalse(created.isAfter(before), "created before the get");
  }

  @Test
  void get_shouldGiveNullTextWhenTheValueIsNotUtf8() throws Exception {
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1};
    peer.put("/v1/keys/binary", binary);

    JsonNode record = TestPeer.json(peer.get("/v1/keys/binary")).get("records").get(0);

    assertTrue(record.get("text").isNull());
    assertEquals(Base64.getEncoder().encodeToString(binary), record.get("value").asText());
  }

  @Test
  void put_shouldUseTheDecodedSegmentAsKeyWhenTheKeyIsPercentEncoded() throws Exception {
    HttpResponse<String> put = peer.put("/v1/keys/a%2Fb%20c%C3%A9", "x".getBytes(UTF_8));

    assertEquals(200, put.statusCode(), put.body());
    assertEquals("a/b cé", TestPeer.json(put).get("key").asText());
    assertEquals(Key.of("a/b cé").toHex(), TestPeer.json(put).get("keyId").asText());
    assertEquals(200, peer.get("/v1/keys/a%2Fb%20c%C3%A9").statusCode());
  }

  @Test
  void put_shouldAcceptEverySpelledTtlWhenWithinTheLimits() throws Exception {
    for (String ttl : new String[] {"90s", "10m", "2h", "1d", "3600"}) {
      HttpResponse<String> put = peer.put("/v1/keys/ttl?ttl=" + ttl, new byte[] {1});
      assertEquals(200, put.statusCode(), ttl + ": " + put.body());
    }
  }

  @Test
  void get_shouldAnswerNotFoundWhenNoRecordExists() throws Exception {
    HttpResponse<String> get = peer.get("/v1/keys/never-put");

    assertError(get, 404, "not_found");
  }

  @Test
  void put_shouldAnswerBadKeyWhenTheKeyIsEmptyOrTooLong() throws Exception {
    assertError(peer.put("/v1/keys/", new byte[] {1}), 400, "bad_key");
    assertError(peer.put("/v1/keys", new byte[] {1}), 400, "bad_key");
    assertError(peer.put("/v1/keys/" + "k".repeat(RequestParams.MAX_KEY_BYTES + 1),
        new byte[] {1}), 400, "bad_key");
    assertError(peer.get("/v1/keys/" + "%C3%A9".repeat(RequestParams.MAX_KEY_BYTES / 2 + 1)),
        400, "bad_key");
    assertError(peer.put("/v1/keys/a/b", new byte[] {1}), 400, "bad_key");
  }

  @Test
  void get_shouldAnswerBadRequestAsJsonWhenTheUriIsTooLongToParse() throws Exception {
    assertError(peer.get("/v1/keys/" + "k".repeat(HttpApi.MAX_URI_LENGTH)), 400, "bad_request");
  }

  @Test
  void get_shouldAnswerBadKeyWhenTheKeyIsNotUtf8() throws Exception {
    assertError(peer.get("/v1/keys/%FF%FE"), 400, "bad_key");
  }

  @Test
  void put_shouldAcceptTheLongestKeyWhenItIsExactlyAtTheLimit() throws Exception {
    HttpResponse<String> put = peer.put("/v1/keys/" + "k".repeat(RequestParams.MAX_KEY_BYTES),
        new byte[] {1});

    assertEquals(200, put.statusCode(), put.body());
  }

  @Test
  void put_shouldAnswerBadTtlWhenTheTtlIsMalformedOrOutOfRange() throws Exception {
    for (String ttl : new String[] {"soon", "10x", "-5s", "", "0", "1.5h"}) {
      assertError(peer.put("/v1/keys/k?ttl=" + ttl, new byte[] {1}), 400, "bad_ttl");
    }
    HttpResponse<String> tooLong = peer.put("/v1/keys/k?ttl=1000d", new byte[] {1});
    assertError(tooLong, 400, "bad_ttl");
    assertTrue(TestPeer.json(tooLong).get("message").asText().startsWith("ttl out of range"),
        tooLong.body());
  }

  @Test
  void put_shouldStoreTheValueWhenItIsExactlyAtTheLimit() throws Exception {
    HttpResponse<String> put = peer.put("/v1/keys/max", new byte[TestPeer.MAX_VALUE_BYTES]);

    assertEquals(200, put.statusCode(), put.body());
  }

  @Test
  void put_shouldAnswerValueTooLargeWhenTheBodyIsOverTheLimit() throws Exception {
    HttpResponse<String> put = peer.put("/v1/keys/big", new byte[TestPeer.MAX_VALUE_BYTES + 1]);

    assertError(put, 400, "value_too_large");
    assertEquals("value too large: " + (TestPeer.MAX_VALUE_BYTES + 1) + " bytes, the limit is "
        + TestPeer.MAX_VALUE_BYTES, TestPeer.json(put).get("message").asText());
    assertEquals(404, peer.get("/v1/keys/big").statusCode(), "nothing stored");
  }

  @Test
  void put_shouldAnswerValueTooLargeWhenAChunkedBodyOfUnknownLengthIsOverTheLimit()
      throws Exception {
    byte[] body = new byte[64 * TestPeer.MAX_VALUE_BYTES];
    HttpResponse<String> put = peer.send(HttpRequest.newBuilder(peer.base()
        .resolve("/v1/keys/chunked")).PUT(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(body))));

    assertError(put, 400, "value_too_large");
  }

  @Test
  void keys_shouldAnswerMethodNotAllowedWithAllowWhenTheMethodIsNotGetOrPut() throws Exception {
    HttpResponse<String> delete = peer.send(HttpRequest.newBuilder(peer.base()
        .resolve("/v1/keys/greeting")).DELETE());

    assertError(delete, 405, "method_not_allowed");
    String allow = delete.headers().firstValue("Allow").orElseThrow();
    assertTrue(allow.contains("GET") && allow.contains("PUT"), allow);
  }

  static void assertError(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode json = TestPeer.json(response);
    assertEquals(code, json.get("error").asText(), response.body());
    assertFalse(json.get("message").asText().isBlank(), response.body());
  }
}
