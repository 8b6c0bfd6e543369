package io.kadence.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class PortConverterTest {
  private final PortConverter converter = new PortConverter();

  @Test
  void convert_shouldAcceptZeroToMax() {
    assertEquals(0, converter.convert("0"));
    assertEquals(65535, converter.convert("65535"));
  }

  @Test
  void convert_shouldRefuseOutOfRangeAndNonNumbers() {
    assertEquals("port must be 0..65535, got 65536", assertThrows(
        TypeConversionException.class, () -> converter.convert("65536")).getMessage());
    assertEquals("'http' is not a port number", assertThrows(
        TypeConversionException.class, () -> converter.convert("http")).getMessage());
  }
}
