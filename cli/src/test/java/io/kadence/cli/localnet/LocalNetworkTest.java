package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure paths of {@link LocalNetwork}. Starting a network that serves needs real peers'
 * HTTP API; that end-to-end test is written once the API is merged.
 */
class LocalNetworkTest {
  @TempDir
  Path dir;

  @Test
  void start_shouldReportTheLastLogLineWhenAPeerProcessExits() throws Exception {
    List<PeerSpec> plan = PeerSpec.plan(1, freeBasePort(), dir);
    PeerLauncher noClasses = new PeerLauncher(PeerLauncher.ofThisJvm().java(),
        dir.resolve("no-such.jar").toString(), false, null);
    CliException e = assertThrows(CliException.class, () -> LocalNetwork.start(plan, noClasses,
        Duration.ofSeconds(30), new PrintWriter(new StringWriter())));
    assertEquals(ExitCodes.FAILURE, e.exitCode());
    assertTrue(e.getMessage().startsWith("peer 0 exited with code 1: "), e.getMessage());
    assertTrue(e.getMessage().contains("ClassNotFoundException: io.kadence.cli.Main"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(log: " + plan.get(0).logFile() + ")"), e.getMessage());
  }

  @Test
  void start_shouldSayWhichPeerDidNotServeHowManyDidAndItsLastLogLine() throws Exception {
    List<PeerSpec> plan = PeerSpec.plan(1, freeBasePort(), dir);
    // A "java" that says one line and then never serves.
    Path neverServes = Files.writeString(dir.resolve("never-serves.sh"),
        "#!/bin/sh\necho joining slowly\nexec sleep 60\n");
    assertTrue(neverServes.toFile().setExecutable(true));
    PeerLauncher launcher = new PeerLauncher(neverServes.toString(), "", false, null);
    CliException e = assertThrows(CliException.class, () -> LocalNetwork.start(plan, launcher,
        Duration.ofSeconds(2), 4, new PrintWriter(new StringWriter())));
    assertEquals(ExitCodes.FAILURE, e.exitCode());
    assertEquals("peer 0 did not serve at " + plan.get(0).httpUrl() + " in time (last state: "
        + "no answer; last log line: 'joining slowly'; log: " + plan.get(0).logFile() + "); 0 "
        + "of 1 peers were serving after the start timeout of 2 s (a loaded machine may need "
        + "a longer --start-timeout or a smaller --start-batch)", e.getMessage());
  }

  @Test
  void start_shouldRefuseBeforeLaunchingWhenAPortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName(PeerSpec.HOST), 0));
      List<PeerSpec> plan = PeerSpec.plan(1, taken.getLocalPort(), dir);
      CliException e = assertThrows(CliException.class, () -> LocalNetwork.start(plan,
          PeerLauncher.ofThisJvm(), Duration.ofSeconds(5), new PrintWriter(new StringWriter())));
      assertEquals("port " + taken.getLocalPort() + " (peer 0) is in use; choose other ports "
          + "with --base-port", e.getMessage());
      assertTrue(java.nio.file.Files.notExists(plan.get(0).dataDir()), "nothing was launched");
    }
  }

  /** A port p with p and p + 80 free now (a peer's and its HTTP API's). */
  private static int freeBasePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      if (port + 80 <= 65535 && isFree(port + 80)) {
        return port;
      }
    }
    throw new IllegalStateException("no free pair of ports");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
