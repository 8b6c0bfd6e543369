package io.kadence.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class NodeUrlConverterTest {
  private final NodeUrlConverter converter = new NodeUrlConverter();

  @Test
  void convert_shouldAcceptUrlsAndBareHostPort() {
    assertEquals(URI.create("http://127.0.0.1:7480"), converter.convert("http://127.0.0.1:7480/"));
    assertEquals(URI.create("http://node-3:7481"), converter.convert("node-3:7481"));
    assertEquals(URI.create("https://[::1]:7480"), converter.convert("https://[::1]:7480"));
  }

  @Test
  void convert_shouldRefuseOtherSchemesPathsAndGarbage() {
    for (String bad : new String[] {"ftp://x:1", "http://x:1/v1", "http://", "foo:bar",
        "http://x:1?q"}) {
      assertThrows(TypeConversionException.class, () -> converter.convert(bad), bad);
    }
  }
}
