package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.shell.Shell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real local network of three peer processes, driven as a user would: a put through one
 * peer's API and a get through another's with the one-shot commands, the shell, then every
 * process stopped (issue 4).
 */
class LocalNetworkEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void localNet_shouldServePutsAndGetsAcrossPeersAndStopEveryProcessWhenClosed()
      throws Exception {
    List<PeerSpec> plan = PeerSpec.plan(3, FreePorts.basePort(3), dir);
    LocalNetwork net = LocalNetwork.start(plan, PeerLauncher.ofThisJvm(), Duration.ofSeconds(120),
        new PrintWriter(new StringWriter()));
    try {
      Set<String> ids = new HashSet<>();
      for (JsonNode info : net.infos()) {
        assertTrue(info.get("id").asText().matches("[0-9a-f]{64}"), info.toString());
        ids.add(info.get("id").asText());
      }
      assertEquals(3, ids.size(), "three distinct peers");
      String peer0 = plan.get(0).httpUrl().toString();
      String peer2 = plan.get(2).httpUrl().toString();

      CliRun put = CliRun.of("put", "greeting", "hello from peer 0", "--node", peer0);
      assertEquals(ExitCodes.OK, put.exitCode(), put.toString());
      CliRun get = CliRun.of("get", "greeting", "--json", "--node", peer2);
      assertEquals(ExitCodes.OK, get.exitCode(), get.toString());
      JsonNode record = JSON.readTree(get.out()).get("records").get(0);
      assertEquals("hello from peer 0", record.get("text").asText());
      CliRun missing = CliRun.of("get", "never-put", "--node", peer2);
      assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing.toString());
      CliRun members = CliRun.of("members", "--json", "--node", peer2);
      assertEquals(3, JSON.readTree(members.out()).get("members").size(), members.toString());

      String shell = runShell(peer0, plan.get(0).dataDir(), dir.resolve("shell-history"),
          "put shell-key shell-value\n", "frobnicate\n", "get shell-key\n", "exit\n");
      assertTrue(shell.contains("shell-value"), shell);
      assertTrue(shell.contains("frobnicate"), "the bad command is named: " + shell);
    } finally {
      net.close();
    }
    for (PeerProcess peer : net.peers()) {
      assertFalse(peer.process().isAlive(), "peer " + peer.spec().index() + " stopped");
    }
    CliRun after = CliRun.of("info", "--node", plan.get(0).httpUrl().toString());
    assertEquals(ExitCodes.UNREACHABLE, after.exitCode(), after.toString());
  }

  private static String runShell(String url, Path dataDir, Path history, String... lines)
      throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(String.join("", lines)
        .getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Terminal terminal = new DumbTerminal("test", "dumb", in, out, StandardCharsets.UTF_8)) {
      Shell shell = new Shell(terminal, java.net.URI.create(url), dataDir, history);
      assertTimeoutPreemptively(Duration.ofSeconds(60), shell::run);
      terminal.flush();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
