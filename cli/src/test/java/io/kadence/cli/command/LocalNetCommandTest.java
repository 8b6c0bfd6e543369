package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNetCommandTest {
  @TempDir
  Path dir;

  @Test
  void localNet_shouldExit2WhenNIsOutOfRangeOrNotANumber() {
    for (String n : new String[] {"0", "81", "-3"}) {
      CliRun run = CliRun.of("local-net", n, "--dir", dir.resolve("net").toString());
      assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
      assertTrue(run.err().startsWith("error: N must be 1..80, got " + n), run::toString);
    }
    CliRun word = CliRun.of("local-net", "five");
    assertEquals(ExitCodes.USAGE, word.exitCode());
    assertTrue(word.err().contains("'five' is not an int"), word::toString);
    assertTrue(Files.notExists(dir.resolve("net")), "nothing is created for a bad N");
  }

  @Test
  void localNet_shouldExit2WhenThePortsDoNotFit() {
    CliRun run = CliRun.of("local-net", "3", "--base-port", "65500", "--dir",
        dir.resolve("net").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    assertEquals("error: base port must be 1..65453 for 3 peers, got 65500 "
        + "(see 'kadence local-net --help')\n", run.err());
    assertTrue(Files.notExists(dir.resolve("net")));
  }

  @Test
  void localNet_shouldExit2WhenTheStartTimeoutIsNotPositive() {
    CliRun run = CliRun.of("local-net", "2", "--start-timeout", "0", "--dir",
        dir.resolve("net").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: --start-timeout must be at least 1 second, got 0"),
        run::toString);
  }

  @Test
  void localNet_shouldExit2WhenTheDirIsNotEmpty() throws Exception {
    Files.writeString(dir.resolve("old"), "x");
    CliRun run = CliRun.of("local-net", "2", "--dir", dir.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: --dir " + dir + " is not empty"), run::toString);
  }

  @Test
  void localNet_shouldExit2OnAnUnknownFlag() {
    CliRun run = CliRun.of("local-net", "--peers", "3");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("error: unknown option '--peers'"), run::toString);
  }
}
