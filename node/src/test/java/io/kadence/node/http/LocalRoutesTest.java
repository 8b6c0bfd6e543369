package io.kadence.node.http;

import static io.kadence.node.http.KeyRoutesTest.assertError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.dht.id.Key;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/local/keys} and {@code /v1/local/keys/{key-or-id}} against one real lone peer
 * holding {@value #KEYS} keys (a lone peer is every key's whole replica set).
 */
@ExtendWith(LogCapturingExtension.class)
class LocalRoutesTest {
  private static final int KEYS = 5;
  @TempDir static Path dir;
  static TestPeer peer;
  static final List<String> keyIds = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    peer = TestPeer.start(dir);
    TreeSet<String> ids = new TreeSet<>();
    for (int i = 0; i < KEYS; i++) {
      HttpResponse<String> put = peer.put("/v1/keys/local-" + i, ("v" + i).getBytes(UTF_8));
      assertEquals(200, put.statusCode(), put.body());
      ids.add(Key.of("local-" + i).toHex());
    }
    keyIds.addAll(ids);
  }

  @AfterAll
  static void stop() throws Exception {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void keys_shouldPageThroughEveryKeyHeldInKeyIdOrderWhenGivenALimit() throws Exception {
    List<String> seen = new ArrayList<>();
    String next = "";
    for (int pages = 0; pages < KEYS && next != null; pages++) {
      HttpResponse<String> response = peer.get("/v1/local/keys?limit=2&after=" + next);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode json = TestPeer.json(response);
      assertEquals(KEYS, json.get("keys").asInt());
      assertEquals(KEYS, json.get("records").asInt());
      assertTrue(json.get("page").size() <= 2, json.toString());
      for (JsonNode key : json.get("page")) {
        seen.add(key.get("keyId").asText());
        assertEquals(peer.node.id().toHex(), key.get("records").get(0).get("publisher").asText());
        assertEquals(2, key.get("records").get(0).get("valueBytes").asInt());
      }
      next = json.get("next").isNull() ? null : json.get("next").asText();
    }
    assertEquals(keyIds, seen, "every key once, in key id order");
  }

  @Test
  void keys_shouldListEveryKeyOnOnePageWhenNoLimitIsGiven() throws Exception {
    JsonNode json = TestPeer.json(peer.get("/v1/local/keys"));

    assertEquals(KEYS, json.get("page").size());
    assertTrue(json.get("next").isNull(), json.toString());
  }

  @Test
  void key_shouldAnswerTheRecordHeldWhenAskedByUserKeyOrById() throws Exception {
    HttpResponse<String> byKey = peer.get("/v1/local/keys/local-3");
    HttpResponse<String> byId = peer.get("/v1/local/keys/" + Key.of("local-3").toHex());

    assertEquals(200, byKey.statusCode(), byKey.body());
    assertEquals("local-3", TestPeer.json(byKey).get("key").asText());
    assertEquals(Key.of("local-3").toHex(), TestPeer.json(byKey).get("keyId").asText());
    assertEquals(200, byId.statusCode(), byId.body());
    assertTrue(TestPeer.json(byId).get("key").isNull());
    assertEquals(1, TestPeer.json(byId).get("records").size());
  }

  @Test
  void key_shouldAnswerNotFoundWhenThePeerHoldsNoRecordOfIt() throws Exception {
    assertError(peer.get("/v1/local/keys/never-put"), 404, "not_found");
    assertError(peer.get("/v1/local/keys/" + Key.of("never-put").toHex()), 404, "not_found");
  }

  @Test
  void keys_shouldAnswerBadRequestWhenTheCursorOrLimitIsMalformed() throws Exception {
    assertError(peer.get("/v1/local/keys?after=xyz"), 400, "bad_request");
    assertError(peer.get("/v1/local/keys?limit=0"), 400, "bad_request");
    assertError(peer.get("/v1/local/keys?limit=" + (LocalRoutes.MAX_LIMIT + 1)), 400,
        "bad_request");
    assertError(peer.get("/v1/local/keys?limit=many"), 400, "bad_request");
  }
}
