package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCommandTest {
  @TempDir
  Path dir;

  @Test
  void node_shouldServeThenLeaveGracefullyAndExit0WhenItsManagerExits() throws Exception {
    Process manager = new ProcessBuilder("sleep", "3").start();
    CliRun run = CliRun.of("node", "--port", "0", "--http-port", "0", "--data-dir",
        dir.resolve("peer").toString(), "--managed-by", Long.toString(manager.pid()));
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(1).matches("node     [0-9a-f]{64}"), run::toString);
    assertTrue(lines.get(2).matches("peer     127\\.0\\.0\\.1:[0-9]+"), run::toString);
    assertTrue(lines.get(3).startsWith("http     http://127.0.0.1:"), run::toString);
    assertEquals("its launcher exited: leaving the network (handing records on; Ctrl-C again "
        + "stops at once)", lines.get(6));
    assertEquals("left: handed 0 of 0 records on, 0 contacts told", lines.get(7));
    assertTrue(Files.exists(dir.resolve("peer/node.key")));
  }

  @Test
  void node_shouldExit2WhenABootstrapAddressIsBad() {
    CliRun run = CliRun.of("node", "--bootstrap", "127.0.0.1:7400,nohost");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("error: Invalid value for option '--bootstrap' (HOST:PORT): expected "
        + "host:port, got 'nohost' (see 'kadence node --help')\n", run.err());
    CliRun port = CliRun.of("node", "--bootstrap", "127.0.0.1:99999");
    assertEquals(ExitCodes.USAGE, port.exitCode());
    assertTrue(port.err().contains("port must be 1..65535, got 99999"), port::toString);
  }

  @Test
  void node_shouldExit2WhenAPortIsBadOrAValueMissing() {
    CliRun port = CliRun.of("node", "--port", "seventy");
    assertEquals(ExitCodes.USAGE, port.exitCode());
    assertTrue(port.err().contains("'seventy' is not a port number"), port::toString);
    CliRun missing = CliRun.of("node", "--http-port");
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    assertTrue(missing.err().startsWith("error: Missing required parameter for option "
        + "'--http-port'"), missing::toString);
  }

  @Test
  void node_shouldExit2OnAnUnknownFlag() {
    CliRun run = CliRun.of("node", "--prot", "7400");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("error: unknown option '--prot'"), run::toString);
  }

  @Test
  void node_shouldExit2WhenTheConfigFileIsMissing() {
    Path missing = dir.resolve("missing.conf");
    CliRun run = CliRun.of("node", "--config", missing.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("error: config file " + missing + " does not exist\n", run.err());
  }

  @Test
  void node_shouldExit1OnOneLineWhenTheDataDirIsNotADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliRun run = CliRun.of("node", "--port", "0", "--data-dir", file.toString());
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: data dir " + file + " is not a writable directory"),
        run::toString);
    assertEquals(1, run.err().lines().count(), run::toString);
  }

  @Test
  void node_shouldExit1OnOneLineWhenThePortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CliRun run = CliRun.of("node", "--port", Integer.toString(taken.getLocalPort()),
          "--http-port", "0", "--data-dir", dir.resolve("peer").toString());
      assertEquals(ExitCodes.FAILURE, run.exitCode(), run::toString);
      assertTrue(run.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          run::toString);
      assertEquals(1, run.err().lines().count(), run::toString);
    }
  }

  @Test
  void node_shouldExit1OnOneLineWhenNoBootstrapNodeAnswers() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    Path config = Files.writeString(dir.resolve("fast-join.conf"), "kadence.node.join-timeout = 3 s");
    CliRun run = CliRun.of("node", "--port", "0", "--http-port", "0", "--data-dir",
        dir.resolve("peer").toString(), "--bootstrap", "127.0.0.1:" + closed,
        "--config", config.toString());
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: could not join the network through [127.0.0.1:"
        + closed + "]"), run::toString);
    assertEquals(1, run.err().lines().count(), run::toString);
  }
}
