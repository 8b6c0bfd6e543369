package io.kadence.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parsing of keys, TTLs, lookup targets and flags, with the contract's error codes. */
class RequestParamsTest {
  @Test
  void ttl_shouldParseEveryUnitWhenWellFormed() {
    assertEquals(Duration.ofSeconds(90), ttl("90s"));
    assertEquals(Duration.ofMinutes(10), ttl("10m"));
    assertEquals(Duration.ofHours(2), ttl("2h"));
    assertEquals(Duration.ofDays(1), ttl("1d"));
    assertEquals(Duration.ofSeconds(3600), ttl("3600"));
    assertEquals(Optional.empty(), RequestParams.ttl(Optional.empty()), "absent: the default");
  }

  @Test
  void ttl_shouldThrowBadTtlWhenMalformedOrNotPositive() {
    for (String text : new String[] {"", "s", "10x", "-5s", "1.5h", "2 h", "0", "0s",
        "1234567890s", "10M"}) {
      ApiException e = assertThrows(ApiException.class,
          () -> RequestParams.ttl(Optional.of(text)), text);
      assertEquals("bad_ttl", e.error().error(), text);
    }
  }

  @Test
  void userKey_shouldThrowBadKeyWhenEmptyTooLongOrNotUtf8() {
    for (String key : new String[] {"", "k".repeat(RequestParams.MAX_KEY_BYTES + 1),
        "é".repeat(RequestParams.MAX_KEY_BYTES / 2 + 1), "a\uFFFDb"}) {
      ApiException e = assertThrows(ApiException.class, () -> RequestParams.userKey(key));
      assertEquals("bad_key", e.error().error());
      assertEquals(400, e.error().status().intValue());
    }
  }

  @Test
  void userKey_shouldAcceptAKeyWhenItIsExactlyAtTheLimit() {
    String key = "é".repeat(RequestParams.MAX_KEY_BYTES / 2);

    assertEquals(key, RequestParams.userKey(key));
  }

  @Test
  void lookupTarget_shouldTakeHexAsARawIdAndAnythingElseAsAKey() {
    NodeId id = NodeId.random(new Random(3));

    assertEquals(id, RequestParams.lookupTarget(id.toHex()));
    assertEquals(id, RequestParams.lookupTarget(id.toHex().toUpperCase()));
    assertEquals(Key.of("greeting").id(), RequestParams.lookupTarget("greeting"));
    String almostHex = id.toHex().substring(1);
    assertEquals(Key.of(almostHex).id(), RequestParams.lookupTarget(almostHex));
  }

  @Test
  void flag_shouldBeTrueOnlyWhenTrueAndRefuseOtherValues() {
    assertTrue(RequestParams.flag("trace", Optional.of("true")));
    assertFalse(RequestParams.flag("trace", Optional.of("false")));
    assertFalse(RequestParams.flag("trace", Optional.empty()));
    ApiException e = assertThrows(ApiException.class,
        () -> RequestParams.flag("trace", Optional.of("yes")));
    assertEquals("bad_request", e.error().error());
  }

  private static Duration ttl(String text) {
    return RequestParams.ttl(Optional.of(text)).orElseThrow();
  }
}
