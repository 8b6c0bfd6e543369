package io.kadence.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcFilesTest {
  @Test
  void cpuMsOfStat_shouldAddUserAndSystemTicksWhenTheNameHoldsSpacesAndParens() {
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 "
        + "38 0 12345 1000000 2000 18446744073709551615";
    assertEquals(3000L, ProcFiles.cpuMsOfStat(stat, 100));
    assertNull(ProcFiles.cpuMsOfStat("4242 (java) S 1", 100));
  }

  @Test
  void udpOutDatagramsOf_shouldFindTheColumnByName() {
    String snmp = "Ip: Forwarding DefaultTTL\nIp: 1 64\n"
        + "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors\n"
        + "Udp: 10 0 0 777 0\nUdpLite: InDatagrams NoPorts InErrors OutDatagrams\n"
        + "UdpLite: 0 0 0 0\n";
    assertEquals(777L, ProcFiles.udpOutDatagramsOf(snmp));
    assertNull(ProcFiles.udpOutDatagramsOf("Ip: Forwarding\nIp: 1\n"));
  }

  @Test
  void cpuMsAndRssBytes_shouldReadThisProcessWhenOnLinux() {
    long self = ProcessHandle.current().pid();
    if (Files.isReadable(Path.of("/proc/self/stat"))) {
      assertTrue(ProcFiles.cpuMs(self) > 0);
      assertTrue(ProcFiles.rssBytes(self) > 1024 * 1024);
      assertTrue(ProcFiles.udpOutDatagrams() >= 0);
    }
    assertNull(ProcFiles.cpuMs(Integer.MAX_VALUE), "no such process");
  }

  @Test
  void envelopesSent_shouldFallBackToCallsAndAnsweredRequestsWhenThePeerIsOlder()
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertEquals(7, PeerMeter.envelopesSent(json.readTree(
        "{\"requestsSent\":4,\"repliesSent\":3,\"outboundCalls\":{\"Ping\":99}}")));
    assertEquals(6, PeerMeter.envelopesSent(json.readTree("{\"outboundCalls\":{\"Ping\":2,"
        + "\"Store\":3},\"inboundRequests\":{\"Ping\":2},\"handlerFailures\":1}")));
  }
}
