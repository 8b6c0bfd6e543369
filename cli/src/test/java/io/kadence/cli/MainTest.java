package io.kadence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void version_shouldPrintTheBuildVersion() {
    CliRun run = CliRun.of("--version");
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("kadence " + VersionProvider.version()), run::toString);
    assertTrue(!VersionProvider.version().contains("${"), "the version is filtered in");
  }

  @Test
  void help_shouldListEveryCommandAndTheExitCodes() {
    CliRun run = CliRun.of("help");
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    for (String command : new String[] {"node", "local-net", "shell", "put", "get", "lookup",
        "peers", "members", "info", "leave", "keygen", "bench"}) {
      assertTrue(run.out().contains("\n  " + command + " "), command + " in " + run.out());
    }
    assertTrue(run.out().contains("4  node unreachable"), run::toString);
  }

  @Test
  void help_shouldBeOfferedByEveryCommand() {
    for (String command : new String[] {"node", "local-net", "shell", "put", "get", "lookup",
        "peers", "members", "info", "leave", "keygen", "bench"}) {
      CliRun run = CliRun.of(command, "--help");
      assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
      assertTrue(run.out().startsWith("Usage: kadence " + command), run::toString);
    }
  }

  @Test
  void run_shouldShowUsageAndExit2WhenNoCommandIsGiven() {
    CliRun run = CliRun.of();
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Usage: kadence"), run::toString);
  }

  @Test
  void run_shouldExit2OnOneLineWhenTheCommandIsUnknown() {
    CliRun run = CliRun.of("gte", "greeting");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("error: unknown command 'gte' (see 'kadence --help')\n", run.err());
  }
}
