package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CannedReplies;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.FakeNodeApi;
import io.kadence.cli.client.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LookupCommandTest {
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
  void lookup_shouldPrintTheClosestPeersAndTheTraceWhenAsked() {
    api.reply("GET", "/v1/lookup/greeting", 200, CannedReplies.LOOKUP_TRACE);
    CliRun run = CliRun.of("lookup", "greeting", "--trace", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("trace=true", api.lastRequest().query());
    assertEquals("""
        target %s
        2 peers closest after 2 rounds (5 queried, 0 failed, 12 ms)
          #  ID        ADDRESS
          1  ca978112  127.0.0.1:7402
          2  3e23e816  127.0.0.1:7401
        trace:
          +0 ms #1 hop 1 ca978112@127.0.0.1:7402 asked
          +3 ms #1 answered
        """.formatted(CannedReplies.KEY_ID), run.out());
  }

  @Test
  void lookup_shouldAskWithoutTraceByDefaultAndPrintJson() throws Exception {
    api.reply("GET", "/v1/lookup/" + CannedReplies.ID_A, 200, CannedReplies.LOOKUP_TRACE);
    CliRun run = CliRun.of("lookup", CannedReplies.ID_A, "--json", "--node",
        api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals(null, api.lastRequest().query());
    assertEquals(2, Json.parse(run.out()).path("closest").size());
  }

  @Test
  void lookup_shouldExit5WhenTheNodeIsNotServing() {
    api.reply("GET", "/v1/lookup/greeting", 503, CannedReplies.NOT_SERVING);
    CliRun run = CliRun.of("lookup", "greeting", "--node", api.url().toString());
    assertEquals(ExitCodes.UNAVAILABLE, run.exitCode(), run::toString);
    assertEquals("error: the node is leaving\n", run.err());
  }

  @Test
  void lookup_shouldExit2OnAnUnexpectedArgument() {
    CliRun run = CliRun.of("lookup", "a", "b");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("error: unexpected argument 'b'"), run::toString);
  }
}
