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

class MembersCommandTest {
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
  void members_shouldPrintStatusAndReachability() {
    api.reply("GET", "/v1/members", 200, CannedReplies.MEMBERS);
    CliRun run = CliRun.of("members", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("""
        ADDRESS         ID        STATUS  REACHABLE
        127.0.0.1:7400  ca978112  Up      yes
        127.0.0.1:7401  3e23e816  Up      NO
        2 members, 1 unreachable
        """, run.out());
  }

  @Test
  void members_shouldPrintTheApiJsonWhenAskedForJson() throws Exception {
    api.reply("GET", "/v1/members", 200, CannedReplies.MEMBERS);
    CliRun run = CliRun.of("members", "--json", "--node", api.url().toString());
    assertEquals(Json.parse(CannedReplies.MEMBERS), Json.parse(run.out()));
  }
}
