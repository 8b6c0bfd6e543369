package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.cli.CannedReplies;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.FakeNodeApi;
import io.kadence.cli.client.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfoCommandTest {
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
  void info_shouldPrintIdentityStateAndCounters() {
    api.reply("GET", "/v1/node", 200, CannedReplies.NODE);
    CliRun run = CliRun.of("info", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("""
        id                %s
        address           127.0.0.1:7400
        http              %s
        state             SERVING
        uptime            3m 25s
        routing           5 contacts
        members           6 up, 0 unreachable
        records           10 (10 keys, 120 value bytes)
        refused stores    none
        requests in       Ping 3
        rejected in       none
        handler failures  0
        calls out         Store 4
        failed calls out  none
        """.formatted(CannedReplies.ID_A, api.url()), run.out());
  }

  @Test
  void info_shouldPrintTheApiJsonWhenAskedForJson() throws Exception {
    api.reply("GET", "/v1/node", 200, CannedReplies.NODE);
    CliRun run = CliRun.of("info", "--json", "--node", api.url().toString());
    assertEquals(Json.parse(CannedReplies.NODE), Json.parse(run.out()));
  }

  @Test
  void info_shouldExit1WhenTheReplyIsNotJson() {
    api.reply("GET", "/v1/node", 200, "<html>hello</html>");
    CliRun run = CliRun.of("info", "--node", api.url().toString());
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run::toString);
    assertEquals("error: the node at " + api.url() + " answered GET /v1/node with something "
        + "that is not JSON; is that a Kadence peer's HTTP API?\n", run.err());
  }
}
