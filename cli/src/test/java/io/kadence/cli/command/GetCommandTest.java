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

class GetCommandTest {
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
  void get_shouldPrintEachPublishersRecordWhenFound() {
    api.reply("GET", "/v1/keys/greeting", 200, CannedReplies.GET_OK);
    CliRun run = CliRun.of("get", "greeting", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("""
        'greeting': 2 records
          PUBLISHER  SEQUENCE       EXPIRES               VALUE
          ca978112   1763780000000  2026-11-23T03:00:00Z  hello
          3e23e816   7              2026-11-23T03:00:00Z  base64:AAH/
        repaired 1 stale replica
        """, run.out());
  }

  @Test
  void get_shouldExit3OnOneLineWhenNotFound() throws Exception {
    api.reply("GET", "/v1/keys/greeting", 404, CannedReplies.NOT_FOUND);
    CliRun run = CliRun.of("get", "greeting", "--node", api.url().toString());
    assertEquals(ExitCodes.NOT_FOUND, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertEquals("error: no record for key 'greeting'\n", run.err());
    CliRun json = CliRun.of("get", "greeting", "--json", "--node", api.url().toString());
    assertEquals(ExitCodes.NOT_FOUND, json.exitCode());
    assertEquals(Json.parse(CannedReplies.NOT_FOUND), Json.parse(json.out()));
  }

  @Test
  void get_shouldPrintTheApiJsonWhenAskedForJson() throws Exception {
    api.reply("GET", "/v1/keys/greeting", 200, CannedReplies.GET_OK);
    CliRun run = CliRun.of("get", "greeting", "--json", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("hello", Json.parse(run.out()).path("records").path(0).path("text").asText());
  }

  @Test
  void get_shouldExit4WhenTheConnectionIsRefused() throws Exception {
    String url = FakeNodeApi.refusingUrl();
    CliRun run = CliRun.of("get", "greeting", "--node", url);
    assertEquals(ExitCodes.UNREACHABLE, run.exitCode(), run::toString);
    assertEquals("error: cannot reach the node at " + url + " (connection refused); is it "
        + "running? Choose another with --node\n", run.err());
  }

  @Test
  void get_shouldExit2WhenTheKeyIsMissing() {
    CliRun run = CliRun.of("get");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("error: Missing required parameter: '<key>' (see 'kadence get --help')\n",
        run.err());
  }
}
