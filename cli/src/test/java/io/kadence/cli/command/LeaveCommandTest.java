package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CannedReplies;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.FakeNodeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaveCommandTest {
  @TempDir
  Path dataDir;

  private FakeNodeApi api;

  @BeforeEach
  void start() throws Exception {
    api = FakeNodeApi.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void leave_shouldSendTheAdminTokenFromTheDataDir() throws Exception {
    Files.writeString(dataDir.resolve("admin.token"), "s3cret\n");
    api.reply("POST", "/v1/leave", 202, CannedReplies.LEAVING);
    CliRun run = CliRun.of("leave", "--data-dir", dataDir.toString(), "--node",
        api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("Bearer s3cret", api.lastRequest().authorization());
    assertEquals("the peer at " + api.url() + " is leaving: it hands its records on, then "
        + "stops\n", run.out());
  }

  @Test
  void leave_shouldExit2WithoutAskingWhenThereIsNoToken() {
    CliRun run = CliRun.of("leave", "--data-dir", dataDir.toString(), "--node",
        api.url().toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: no admin token at "
        + dataDir.resolve("admin.token")), run::toString);
    assertTrue(api.requests().isEmpty());
  }

  @Test
  void leave_shouldExit1WhenTheTokenIsRefused() throws Exception {
    Path token = Files.writeString(dataDir.resolve("old.token"), "stale");
    api.reply("POST", "/v1/leave", 401, CannedReplies.UNAUTHORIZED);
    CliRun run = CliRun.of("leave", "--token-file", token.toString(), "--node",
        api.url().toString());
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run::toString);
    assertEquals("error: wrong or missing admin token\n", run.err());
  }
}
