package io.kadence.node.http;

import static io.kadence.node.http.KeyRoutesTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/node}, {@code /v1/stats}, {@code /v1/routing}, {@code /v1/members},
 * {@code /v1/lookup}, unknown paths and refused leaves, against one real lone peer.
 */
@ExtendWith(LogCapturingExtension.class)
class NodeRoutesTest {
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
  void node_shouldDescribeThePeerWhenItServes() throws Exception {
    HttpResponse<String> response = peer.get("/v1/node");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode json = TestPeer.json(response);
    assertEquals(peer.node.id().toHex(), json.get("id").asText());
    assertEquals(peer.node.address().toString(), json.get("address").asText());
    assertEquals("SERVING", json.get("state").asText());
    assertTrue(json.get("uptimeMs").asLong() >= 0);
    assertEquals(0, json.get("routingContacts").asInt(), "a lone peer has no contacts");
    assertEquals(1, json.get("members").asInt());
    assertEquals(0, json.get("unreachable").asInt());
    assertCounters(json);
  }

  @Test
  void node_shouldDescribeTheProcessThePeerRunsInWhenAsked() throws Exception {
    HttpResponse<String> response = peer.get("/v1/node");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode process = TestPeer.json(response).get("process");
    assertEquals(ProcessHandle.current().pid(), process.get("pid").asLong(), "the test's JVM");
    assertTrue(process.get("cpuMs").asLong() > 0, process.toString());
    if (Files.isReadable(Path.of("/proc/self/status"))) {
      assertTrue(process.get("rssBytes").asLong() > process.get("heapUsedBytes").asLong() / 4,
          process.toString());
    } else {
      assertTrue(process.get("rssBytes").isNull(), process.toString());
    }
    assertTrue(process.get("heapUsedBytes").asLong() > 0, process.toString());
    assertTrue(process.get("heapMaxBytes").asLong() >= process.get("heapUsedBytes").asLong(),
        process.toString());
    assertTrue(process.get("threads").asInt() > 1, process.toString());
  }

  @Test
  void stats_shouldHoldStorageAndMessageCountersWhenAsked() throws Exception {
    peer.put("/v1/keys/counted", new byte[] {1, 2, 3});

    HttpResponse<String> response = peer.get("/v1/stats");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode json = TestPeer.json(response);
    assertCounters(json);
    assertTrue(json.get("storage").get("records").asInt() >= 1, response.body());
    assertTrue(json.get("storage").get("valueBytes").asLong() >= 3, response.body());
    assertFalse(json.has("id"), "only the counters");
  }

  @Test
  void routing_shouldShowAnEmptyTableWhenThePeerIsAlone() throws Exception {
    HttpResponse<String> response = peer.get("/v1/routing");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode json = TestPeer.json(response);
    assertEquals(peer.node.id().toHex(), json.get("self").asText());
    assertEquals(0, json.get("size").asInt());
    assertTrue(json.get("buckets").isArray());
    assertEquals(0, json.get("buckets").size());
  }

  @Test
  void members_shouldListThePeerItselfAsUpAndReachable() throws Exception {
    HttpResponse<String> response = peer.get("/v1/members");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode members = TestPeer.json(response).get("members");
    assertEquals(1, members.size(), response.body());
    JsonNode self = members.get(0);
    assertEquals(peer.node.address().toString(), self.get("address").asText());
    assertEquals(peer.node.id().toHex(), self.get("id").asText());
    assertEquals("Up", self.get("status").asText());
    assertTrue(self.get("reachable").asBoolean());
  }

  @Test
  void lookup_shouldHashAUserKeyAndLeaveTheTraceOutWhenNotAsked() throws Exception {
    HttpResponse<String> response = peer.get("/v1/lookup/greeting");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode json = TestPeer.json(response);
    assertEquals(Key.of("greeting").toHex(), json.get("target").asText());
    assertTrue(json.get("closest").isArray());
    assertTrue(json.get("failed").isArray());
    assertTrue(json.has("rounds") && json.has("queried") && json.has("elapsedMs"));
    assertFalse(json.get("timedOut").asBoolean());
    assertFalse(json.has("trace"), response.body());
  }

  @Test
  void lookup_shouldUseARawIdAndIncludeTheTraceWhenAsked() throws Exception {
    NodeId id = NodeId.random(new Random(7));

    HttpResponse<String> response = peer.get("/v1/lookup/" + id.toHex().toUpperCase()
        + "?trace=true");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode json = TestPeer.json(response);
    assertEquals(id.toHex(), json.get("target").asText());
    assertTrue(json.get("trace").isArray(), response.body());
  }

  @Test
  void lookup_shouldAnswerBadRequestOrBadKeyWhenTheInputIsWrong() throws Exception {
    assertError(peer.get("/v1/lookup/greeting?trace=maybe"), 400, "bad_request");
    assertError(peer.get("/v1/lookup/"), 400, "bad_key");
    assertError(peer.get("/v1/lookup/" + "k".repeat(RequestParams.MAX_KEY_BYTES + 1)), 400,
        "bad_key");
  }

  @Test
  void unknownPath_shouldAnswerNotFoundAsJson() throws Exception {
    assertError(peer.get("/v1/nothing-here"), 404, "not_found");
    assertError(peer.get("/"), 404, "not_found");
    assertError(peer.get("/v2/node"), 404, "not_found");
  }

  @Test
  void node_shouldAnswerMethodNotAllowedWhenPosted() throws Exception {
    HttpResponse<String> response = peer.send(HttpRequest.newBuilder(
        peer.base().resolve("/v1/node")).POST(HttpRequest.BodyPublishers.noBody()));

    assertError(response, 405, "method_not_allowed");
    assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void leave_shouldAnswerMethodNotAllowedWhenNotPosted() throws Exception {
    assertError(peer.get("/v1/leave"), 405, "method_not_allowed");
  }

  @Test
  void unknownMethod_shouldAnswerMethodNotAllowedAsJson() throws Exception {
    HttpResponse<String> response = peer.send(HttpRequest.newBuilder(
        peer.base().resolve("/v1/node")).method("BREW", HttpRequest.BodyPublishers.noBody()));

    assertError(response, 405, "method_not_allowed");
  }

  @Test
  void leave_shouldAnswerUnauthorizedWhenTheTokenIsMissingOrWrong() throws Exception {
    HttpRequest.Builder post = HttpRequest.newBuilder(peer.base().resolve("/v1/leave"))
        .POST(HttpRequest.BodyPublishers.noBody());
    String token = AdminToken.read(peer.node.dataDir());
    String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);

    HttpResponse<String> missing = peer.send(post.copy());
    HttpResponse<String> wrongToken = peer.send(post.copy()
        .header("Authorization", "Bearer " + wrong));
    HttpResponse<String> basic = peer.send(post.copy()
        .header("Authorization", "Basic " + token));

    assertError(missing, 401, "unauthorized");
    assertTrue(missing.headers().firstValue("WWW-Authenticate").orElseThrow()
        .startsWith("Bearer"), missing.headers().toString());
    assertError(wrongToken, 401, "unauthorized");
    assertError(basic, 401, "unauthorized");
    assertEquals("SERVING", TestPeer.json(peer.get("/v1/node")).get("state").asText());
  }

  private static void assertCounters(JsonNode json) {
    JsonNode storage = json.get("storage");
    for (String field : new String[] {"records", "keys", "valueBytes"}) {
      assertTrue(storage.get(field).isNumber(), field);
    }
    assertEquals(0, storage.get("refusals").get("EXPIRED").asLong());
    JsonNode messages = json.get("messages");
    assertTrue(messages.get("inboundRequests").has("Ping"), messages.toString());
    assertTrue(messages.get("inboundRejections").has("BAD_SIGNATURE"), messages.toString());
    assertTrue(messages.get("handlerFailures").isNumber());
    assertTrue(messages.get("outboundCalls").has("Store"), messages.toString());
    assertTrue(messages.get("outboundFailures").has("TIMEOUT"), messages.toString());
    assertTrue(messages.get("requestsSent").isNumber(), messages.toString());
    assertTrue(messages.get("repliesSent").isNumber(), messages.toString());
  }
}
