package io.kadence.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.cli.client.Json;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void duration_shouldPickTheUnitsAPersonReads() {
    assertEquals("850 ms", Text.duration(850));
    assertEquals("59s", Text.duration(59_999));
    assertEquals("3m 25s", Text.duration(205_000));
    assertEquals("2h 5m", Text.duration(7_500_000));
    assertEquals("1d 1h", Text.duration(90_000_000));
  }

  @Test
  void counters_shouldJoinTheNonZeroPairsOrSayNone() throws Exception {
    assertEquals("Ping 3, Store 4",
        Text.counters(Json.parse("{\"Ping\": 3, \"Leave\": 0, \"Store\": 4}")));
    assertEquals("none", Text.counters(Json.parse("{\"EXPIRED\": 0}")));
    assertEquals("none", Text.counters(Json.parse("{}")));
  }

  @Test
  void shortIdAndCount_shouldAbbreviateAndPluralize() {
    assertEquals("ca978112", Text.shortId("ca978112ca1bbdca"));
    assertEquals("abc", Text.shortId("abc"));
    assertEquals("1 record", Text.count(1, "record"));
    assertEquals("0 records", Text.count(0, "record"));
  }
}
