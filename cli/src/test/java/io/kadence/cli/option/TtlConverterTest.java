package io.kadence.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TtlConverterTest {
  private final TtlConverter converter = new TtlConverter();

  @Test
  void convert_shouldReadSecondsAndUnits() {
    assertEquals(Duration.ofSeconds(90), converter.convert("90"));
    assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
    assertEquals(Duration.ofMinutes(10), converter.convert("10m"));
    assertEquals(Duration.ofHours(2), converter.convert("2H"));
    assertEquals(Duration.ofDays(1), converter.convert("1d"));
  }

  @Test
  void convert_shouldRefuseZeroNegativeAndUnknownUnits() {
    assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("0s"))
        .getMessage().contains("must be positive"));
    for (String bad : new String[] {"-5", "5x", "1.5h", "", "h"}) {
      assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert(bad))
          .getMessage().contains("is not a ttl"), bad);
    }
  }
}
