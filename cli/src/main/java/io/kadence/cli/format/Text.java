package io.kadence.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small text renderings shared by the commands' human output. */
public final class Text {
  /** Hex digits of a node ID shown in tables: 8, as in the peers' logs. */
  public static final int SHORT_ID = 8;

  private Text() {}

  /** The first 8 hex digits of a 64-hex-digit ID; shorter text is returned as is. */
  public static String shortId(String hexId) {
    return hexId == null || hexId.length() <= SHORT_ID ? hexId : hexId.substring(0, SHORT_ID);
  }

  /** A duration in milliseconds as a person reads it: {@code 850 ms}, {@code 3m 25s}, {@code 2h 5m}. */
  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    long s = millis / 1000;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    }
    if (s < 86_400) {
      return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
    return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
  }

  /** {@code n} and the noun, plural unless one: {@code 1 record}, {@code 3 records}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * A JSON object of counters as {@code Ping 3, Store 4}, leaving out the zeros (the peer lists
   * every reason, most of them 0); {@code none} if nothing was counted.
   */
  public static String counters(JsonNode object) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getValue().isNumber() && e.getValue().asLong() == 0) {
        continue;
      }
      parts.add(e.getKey() + " " + e.getValue().asText());
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** A contact ({@code {"id", "address"}}) as {@code 1a2b3c4d@127.0.0.1:7401}; other JSON as text. */
  public static String contact(JsonNode contact) {
    if (contact.isObject()) {
      return shortId(contact.path("id").asText("?")) + "@" + contact.path("address").asText("?");
    }
    return contact.asText();
  }
}
