package io.kadence.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The answer to a get through a child peer ({@code GET /v1/keys/{key}}, docs/HTTP-API.md): the
 * newest record of each publisher, none if the key is unknown (404).
 *
 * @param status the HTTP status
 * @param values the records' values, one per publisher
 * @param json the whole answer (publishers, sequence numbers, expiry)
 */
public record GetReply(int status, List<byte[]> values, JsonNode json) {
  public GetReply {
    values = List.copyOf(values);
  }

  static GetReply of(int status, JsonNode json) {
    List<byte[]> values = new ArrayList<>();
    for (JsonNode record : json.path("records")) {
      values.add(Base64.getDecoder().decode(record.path("value").asText()));
    }
    return new GetReply(status, values, json);
  }

  /** Whether any record was found. */
  public boolean found() {
    return !values.isEmpty();
  }

  /** The values decoded as UTF-8. */
  public List<String> texts() {
    return values.stream().map(v -> new String(v, java.nio.charset.StandardCharsets.UTF_8))
        .toList();
  }
}
