package io.kadence.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cluster member as a child peer sees it ({@code GET /v1/members}, docs/HTTP-API.md).
 *
 * @param address the member's {@code host:port}
 * @param id the node ID it announces (64 hex digits), or null
 * @param status Pekko's member status: {@code Joining}, {@code Up}, {@code Leaving}, ...
 * @param reachable false while the asking peer's failure detector marks it unreachable
 */
public record MemberStatus(String address, String id, String status, boolean reachable) {
  static MemberStatus of(JsonNode json) {
    return new MemberStatus(json.path("address").asText(),
        json.path("id").isTextual() ? json.path("id").asText() : null,
        json.path("status").asText(), json.path("reachable").asBoolean());
  }
}
