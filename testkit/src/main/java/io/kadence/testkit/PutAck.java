package io.kadence.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a put through a child peer ({@code PUT /v1/keys/{key}}, docs/HTTP-API.md):
 * 200 when a write quorum of replicas stored it, 503 {@code quorum_not_reached} otherwise.
 *
 * @param status the HTTP status
 * @param success whether the write quorum was reached
 * @param stored replicas that stored the record
 * @param quorum replicas needed
 * @param json the whole answer (the replicas and their answers)
 */
public record PutAck(int status, boolean success, int stored, int quorum, JsonNode json) {
  static PutAck of(int status, JsonNode json) {
    JsonNode fields = json.has("detail") ? json.path("detail") : json;
    return new PutAck(status, fields.path("success").asBoolean(false),
        fields.path("stored").asInt(), fields.path("quorum").asInt(), json);
  }

  /**
   * What the answer says, for a failure message: the replica count for a put that reached the
   * replicas, else the API's error code and message (e.g. {@code not_serving} from a peer that
   * is leaving), which carry no replica count.
   */
  public String describe() {
    if (json.has("error") && !json.path("detail").has("quorum")) {
      return json.path("error").asText() + ": " + json.path("message").asText();
    }
    return (success ? "stored " : "quorum not reached: stored ") + stored + " of quorum " + quorum;
  }
}
