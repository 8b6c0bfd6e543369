package io.kadence.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CannedReplies;
import io.kadence.cli.FakeNodeApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {
  @TempDir
  Path dir;

  private FakeNodeApi api;

  @BeforeEach
  void start() throws Exception {
    api = FakeNodeApi.start()
        .reply("GET", "/v1/node", 200, CannedReplies.NODE)
        .reply("PUT", "/v1/keys/greeting", 200, CannedReplies.PUT_OK)
        .reply("GET", "/v1/keys/greeting", 200, CannedReplies.GET_OK)
        .reply("GET", "/v1/keys/nothing", 404, CannedReplies.NOT_FOUND)
        .reply("POST", "/v1/leave", 202, CannedReplies.LEAVING);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void run_shouldRunPutAndGetAndGoOnAfterAnInvalidCommandUntilExit() throws Exception {
    String out = runShell("put greeting \"hello world\"\n", "bogus 1 2\n", "get greeting\n",
        "get\n", "get nothing\n", "exit\n", "info\n");
    assertTrue(out.contains("connected to " + api.url() + ": node ca978112 at 127.0.0.1:7400, "
        + "SERVING"), out);
    assertTrue(out.contains("stored 'greeting' on 2 of 2 replicas (quorum 2)\n"), out);
    assertTrue(out.contains("error: unknown command 'bogus' (type 'help' for the commands)\n"),
        out);
    assertTrue(out.contains("  ca978112   1763780000000  2026-11-23T03:00:00Z  hello\n"), out);
    assertTrue(out.contains("error: Missing required parameter: '<key>' (see 'help get')\n"), out);
    assertTrue(out.contains("error: no record for key 'greeting'\n"), out);
    List<FakeNodeApi.Request> requests = api.requests();
    assertEquals("hello world", requests.get(1).body());
    assertEquals("/v1/keys/nothing", api.lastRequest().path(), "nothing runs after exit");
  }

  @Test
  void run_shouldPrintTheSameOutputAsTheOneShotCommand() throws Exception {
    String out = runShell("get greeting\n");
    String oneShot = io.kadence.cli.CliRun.of("get", "greeting", "--node", api.url().toString())
        .out();
    assertTrue(out.contains(oneShot), out);
  }

  @Test
  void run_shouldEndAtTheEndOfInputAndKeepTheHistory() throws Exception {
    runShell("info\n", "members --json\n");
    List<String> history = Files.readAllLines(dir.resolve("history"));
    assertEquals(2, history.size(), history::toString);
    assertTrue(history.get(0).endsWith("info"), history::toString);
  }

  @Test
  void run_shouldSendLeaveWithTheShellsDataDirToken() throws Exception {
    Files.writeString(dir.resolve("admin.token"), "tok");
    String out = runShell("leave\n");
    assertEquals("Bearer tok", api.lastRequest().authorization());
    assertTrue(out.contains("is leaving"), out);
  }

  @Test
  void run_shouldShowHelpForTheShellAndForOneCommand() throws Exception {
    String out = runShell("help\n", "help lookup\n");
    assertTrue(out.contains("  exit, quit  Leave the shell"), out);
    assertTrue(out.contains("Usage: kadence lookup [-h] [--json] [--trace] [--node=URL] "
        + "<key|id>"), out);
    assertFalse(out.contains("error:"), out);
  }

  private String runShell(String... lines) throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(String.join("", lines)
        .getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Terminal terminal = new DumbTerminal("test", "dumb", in, out, StandardCharsets.UTF_8)) {
      Shell shell = new Shell(terminal, api.url(), dir, dir.resolve("history"));
      assertTimeoutPreemptively(Duration.ofSeconds(30), shell::run);
      terminal.flush();
    }
    return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
