package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.bench.LocalNetDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local-net --one-jvm}: three lean peers in this JVM form one network that the load
 * generator finds through the directory, puts cross it, and closing stops every peer.
 */
class InJvmNetworkEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir java.nio.file.Path dir;

  @Test
  void oneJvm_shouldFormANetworkTheBenchFindsAndStopEveryPeerWhenClosed() throws Exception {
    List<PeerSpec> plan = PeerSpec.plan(3, FreePorts.basePort(3), dir);
    StringWriter progress = new StringWriter();
    InJvmNetwork net = InJvmNetwork.start(plan, true, Duration.ofSeconds(120), 2,
        new PrintWriter(progress));
    try {
      Set<String> ids = new HashSet<>();
      Set<Long> pids = new HashSet<>();
      for (JsonNode info : net.infos()) {
        ids.add(info.get("id").asText());
        pids.add(info.path("process").path("pid").asLong());
      }
      assertEquals(3, ids.size(), "three distinct peers: " + net.infos());
      assertEquals(Set.of(ProcessHandle.current().pid()), pids, "all in this JVM");
      assertTrue(progress.toString().contains("starting peers 1..2 in this JVM"),
          progress.toString());
      assertEquals(plan.stream().map(PeerSpec::httpUrl).toList(), LocalNetDir.peers(dir));

      CliRun bench = CliRun.of("bench", "--local-net", dir.toString(), "--keys", "20",
          "--phase", "put:inflight=2", "--phase", "get:inflight=4", "--json", "--no-progress");
      assertEquals(ExitCodes.OK, bench.exitCode(), bench.toString());
      JsonNode phases = JSON.readTree(bench.out()).get("phases");
      for (JsonNode phase : phases) {
        assertEquals(20, phase.get("ok").asInt(), phase.toString());
      }
      CliRun members = CliRun.of("members", "--json", "--node",
          plan.get(2).httpUrl().toString());
      assertEquals(3, JSON.readTree(members.out()).get("members").size(), members.toString());
    } finally {
      net.close();
    }
    for (PeerSpec spec : plan) {
      CliRun after = CliRun.of("info", "--node", spec.httpUrl().toString());
      assertEquals(ExitCodes.UNREACHABLE, after.exitCode(), after.toString());
    }
  }
}
