package io.kadence.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhaseSpecTest {
  @Test
  void parse_shouldReadEverySettingInAnyOrderWhenGiven() {
    assertEquals(new PhaseSpec(PhaseSpec.Kind.PUT, 1, 0, null), PhaseSpec.parse("put"));
    assertEquals(new PhaseSpec(PhaseSpec.Kind.GET, 64, 1000, Duration.ofSeconds(30)),
        PhaseSpec.parse("get:inflight=64,count=1000,duration=30s"));
    assertEquals(new PhaseSpec(PhaseSpec.Kind.PUT_NEW, 8, 0, Duration.ofMillis(500)),
        PhaseSpec.parse("put-new:duration=500ms,inflight=8"));
    assertEquals("get:inflight=64,count=1000,duration=30s",
        PhaseSpec.parse("get:count=1000,duration=30s,inflight=64").toString());
  }

  @Test
  void parse_shouldSayWhatIsWrongWhenTheSpecIsBad() {
    assertTrue(message("fetch").contains("unknown phase 'fetch'"));
    assertTrue(message("get:inflight=0").contains("inflight must be a whole number 1..4096"));
    assertTrue(message("get:inflight=5000").contains("1..4096"));
    assertTrue(message("get:speed=3").contains("unknown setting 'speed'"));
    assertTrue(message("get:count").contains("is not NAME=VALUE"));
    assertTrue(message("get:duration=0s").contains("not a positive duration"));
    assertTrue(message("get:").contains("is not NAME=VALUE"));
  }

  private static String message(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> PhaseSpec.parse(spec))
        .getMessage();
  }
}
