package io.kadence.node.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.LookupReport;
import io.kadence.node.lookup.PutResult;
import io.kadence.node.lookup.PutResult.ReplicaOutcome;
import io.kadence.node.lookup.PutResult.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.Test;

/**
 * The mapping of the node's failures onto the API's error codes, for the failures a lone test
 * peer cannot be made to produce on demand: a put short of its quorum, a peer that is leaving.
 */
class FailuresTest {
  private final Random random = new Random(42);

  @Test
  void quorumNotReached_shouldCountTheReplicasAskedWhenTheNetworkIsSmallerThanTheReplication()
      throws Exception {
    PutResult result = new PutResult(Key.of("greeting"), false, 1, 2, 5, List.of(),
        List.of(outcome(Status.STORED, null), outcome(Status.TIMED_OUT, null),
            outcome(Status.TIMED_OUT, null)), List.of(), emptyLookup());

    String message = body(Failures.quorumNotReached("greeting", result).toResponse())
        .get("message").asText();

    assertTrue(message.startsWith("the put reached 1 of 3 replicas; it needed 2"), message);
  }

  @Test
  void quorumNotReached_shouldAnswer503WithThePutResultAsDetailWhenTooFewReplicasStored()
      throws Exception {
    PutResult result = new PutResult(Key.of("greeting"), false, 1, 2, 3, List.of(),
        List.of(outcome(Status.STORED, null), outcome(Status.REFUSED, StoreRefusal.STORAGE_FULL),
            outcome(Status.TIMED_OUT, null)), List.of(), emptyLookup());

    ApiError error = Failures.quorumNotReached("greeting", result);

    assertEquals(503, error.status().intValue());
    JsonNode json = body(error.toResponse());
    assertEquals("quorum_not_reached", json.get("error").asText());
    assertTrue(json.get("message").asText().contains("1 of 3"), json.toString());
    JsonNode detail = json.get("detail");
    assertEquals("greeting", detail.get("key").asText());
    assertEquals(Key.of("greeting").toHex(), detail.get("keyId").asText());
    assertFalse(detail.get("success").asBoolean());
    assertEquals(1, detail.get("stored").asInt());
    assertEquals(2, detail.get("quorum").asInt());
    assertEquals(3, detail.get("replication").asInt());
    assertTrue(detail.get("soleCopy").asBoolean());
    assertEquals(3, detail.get("replicas").size());
    assertEquals("STORAGE_FULL", detail.get("replicas").get(1).get("refusal").asText());
    assertEquals("TIMED_OUT", detail.get("replicas").get(2).get("status").asText());
    assertTrue(detail.get("replicas").get(2).get("refusal").isNull());
  }

  @Test
  void replicasUnreachable_shouldAnswer503SayingHowManyReplicasAnsweredWhenAGetFoundNothing()
      throws Exception {
    GetResult result = new GetResult(Key.of("greeting"), List.of(), List.of(), 0, 1, 3,
        emptyLookup());
    assertTrue(result.unavailable());
    assertFalse(result.notFound());

    ApiError error = Failures.replicasUnreachable("greeting", result);

    assertEquals(503, error.status().intValue());
    JsonNode json = body(error.toResponse());
    assertEquals("replicas_unreachable", json.get("error").asText());
    assertTrue(json.get("message").asText().contains("only 1 of its replicas answered, and 3"),
        json.toString());
    assertEquals(1, json.get("detail").get("answered").asInt());
    assertEquals(3, json.get("detail").get("needed").asInt());
    assertFalse(json.get("detail").get("timedOut").asBoolean());
  }

  @Test
  void toError_shouldAnswerNotServingWhenTheGuardianIsNotServing() {
    for (String message : List.of("node is leaving, not serving", "node is starting",
        "node is joining, not serving", "node is leaving; only a serving node can leave")) {
      ApiError error = Failures.toError(new CompletionException(
          new StatusReply.ErrorMessage(message)));

      assertEquals(503, error.status().intValue(), message);
      assertEquals("not_serving", error.error(), message);
      assertEquals(message, error.message());
    }
  }

  @Test
  void toError_shouldAnswerBadInputCodesWhenTheGuardianRefusesThePut() {
    ApiError large = Failures.toError(new ExecutionException(new StatusReply.ErrorMessage(
        "value too large: 70000 bytes, the limit is 65536")));
    ApiError ttl = Failures.toError(new StatusReply.ErrorMessage(
        "ttl out of range: must be between PT1S and PT48H"));

    assertEquals(400, large.status().intValue());
    assertEquals("value_too_large", large.error());
    assertEquals("value too large: 70000 bytes, the limit is 65536", large.message());
    assertEquals(400, ttl.status().intValue());
    assertEquals("bad_ttl", ttl.error());
  }

  @Test
  void toError_shouldAnswerInternalWithoutStackTraceWhenTheFailureIsUnexpected()
      throws Exception {
    ApiError bug = Failures.toError(new CompletionException(
        new IllegalStateException("secret internals")));
    ApiError timeout = Failures.toError(new CompletionException(
        new AskTimeoutException("Ask timed out on [Actor[pekko://kadence/user]]")));
    ApiError other = Failures.toError(new StatusReply.ErrorMessage("node did not answer: x"));

    for (ApiError error : List.of(bug, timeout, other)) {
      assertEquals(500, error.status().intValue(), error.toString());
      assertEquals("internal", error.error());
      JsonNode json = body(error.toResponse());
      assertFalse(json.toString().contains("\tat "), json.toString());
      assertFalse(json.has("detail"), "no detail unless there is one");
    }
    assertFalse(bug.message().contains("secret internals"), bug.message());
    assertEquals("the node did not answer in time", timeout.message());
  }

  @Test
  void toError_shouldKeepTheErrorWhenAnApiExceptionIsThrown() {
    ApiError bad = ApiError.badKey("the key must not be empty");

    assertEquals(bad, Failures.toError(new ApiException(bad)));
  }

  private ReplicaOutcome outcome(Status status, StoreRefusal refusal) {
    return new ReplicaOutcome(new Contact(NodeId.random(random), "127.0.0.1", 7401), status,
        Optional.ofNullable(refusal), "");
  }

  private LookupReport emptyLookup() {
    return new LookupReport(new LookupResult<>(NodeId.random(random), LookupKind.FIND_NODE,
        LookupOutcome.EXHAUSTED, List.of(), List.of(), List.of(), 0, List.of(), 0, 0, List.of()),
        false, Duration.ZERO, List.of(), 0);
  }

  static JsonNode body(HttpResponse response) throws Exception {
    byte[] bytes = ((HttpEntity.Strict) response.entity()).getData().toArray();
    return new ObjectMapper().readTree(new String(bytes, UTF_8));
  }
}
