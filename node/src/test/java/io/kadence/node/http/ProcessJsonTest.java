package io.kadence.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessJsonTest {
  @Test
  void vmRssBytes_shouldReadKilobytesAsBytesWhenTheLineIsThere() {
    assertEquals(153_600L * 1024, ProcessJson.vmRssBytes(List.of("Name:\tjava",
        "VmHWM:\t  160000 kB", "VmRSS:\t  153600 kB", "Threads:\t42")));
  }

  @Test
  void vmRssBytes_shouldBeNullWhenTheLineIsMissingOrMalformed() {
    assertNull(ProcessJson.vmRssBytes(List.of("Name:\tjava")));
    assertNull(ProcessJson.vmRssBytes(List.of("VmRSS:\t lots kB")));
  }
}
