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

class PeersCommandTest {
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
  void peers_shouldPrintTheRoutingTableByBucket() {
    api.reply("GET", "/v1/routing", 200, CannedReplies.ROUTING);
    CliRun run = CliRun.of("peers", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("""
        routing table of ca978112: 1 contact
          BUCKET  ID        ADDRESS
          255     3e23e816  127.0.0.1:7401
        """, run.out());
  }

  @Test
  void peers_shouldPrintTheApiJsonWhenAskedForJson() throws Exception {
    api.reply("GET", "/v1/routing", 200, CannedReplies.ROUTING);
    CliRun run = CliRun.of("peers", "--json", "--node", api.url().toString());
    assertEquals(Json.parse(CannedReplies.ROUTING), Json.parse(run.out()));
  }
}
