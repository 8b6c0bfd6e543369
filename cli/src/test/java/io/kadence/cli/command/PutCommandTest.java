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

class PutCommandTest {
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
  void put_shouldSendTheValueAndPrintTheReplicasWhenStored() {
    api.reply("PUT", "/v1/keys/greeting", 200, CannedReplies.PUT_OK);
    CliRun run = CliRun.of("put", "greeting", "hello world", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("""
        stored 'greeting' on 2 of 2 replicas (quorum 2)
          ID        ADDRESS         STATUS  REFUSAL
          ca978112  127.0.0.1:7401  STORED
          3e23e816  127.0.0.1:7402  STORED
        """, run.out());
    assertEquals("hello world", api.lastRequest().body());
    assertEquals(null, api.lastRequest().query());
  }

  @Test
  void put_shouldSayHowManyStoresAreStillInFlightWhenThePutAnsweredAtItsQuorum() {
    api.reply("PUT", "/v1/keys/greeting", 200, """
        {"key": "greeting", "keyId": "%s", "success": true, "stored": 1, "pending": 1,
         "quorum": 1, "replication": 2, "soleCopy": false,
         "replicas": [{"id": "%s", "address": "127.0.0.1:7401", "status": "STORED",
                       "refusal": null},
                      {"id": "%s", "address": "127.0.0.1:7402", "status": "PENDING",
                       "refusal": null}]}
        """.formatted(CannedReplies.KEY_ID, CannedReplies.ID_A, CannedReplies.ID_B));
    CliRun run = CliRun.of("put", "greeting", "hello world", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("""
        stored 'greeting' on 1 of 2 replicas (quorum 1), 1 still storing
          ID        ADDRESS         STATUS   REFUSAL
          ca978112  127.0.0.1:7401  STORED
          3e23e816  127.0.0.1:7402  PENDING
        """, run.out());
  }

  @Test
  void put_shouldCountTheReplicasAskedWhenTheNetworkIsSmallerThanTheReplication() {
    api.reply("PUT", "/v1/keys/greeting", 200, """
        {"key": "greeting", "keyId": "%s", "success": true, "stored": 2, "pending": 1,
         "quorum": 2, "replication": 5, "soleCopy": false,
         "replicas": [{"id": "%s", "address": "127.0.0.1:7401", "status": "STORED",
                       "refusal": null},
                      {"id": "%s", "address": "127.0.0.1:7402", "status": "STORED",
                       "refusal": null},
                      {"id": "%s", "address": "127.0.0.1:7403", "status": "PENDING",
                       "refusal": null}]}
        """.formatted(CannedReplies.KEY_ID, CannedReplies.ID_A, CannedReplies.ID_B,
            CannedReplies.ID_A));
    CliRun run = CliRun.of("put", "greeting", "hello world", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith(
        "stored 'greeting' on 2 of 3 replicas (quorum 2), 1 still storing\n"), run.out());
  }

  @Test
  void put_shouldSendTheTtlInSecondsAndEncodeTheKey() {
    api.reply("PUT", "/v1/keys/a%2Fb%20c", 200, CannedReplies.PUT_OK);
    CliRun run = CliRun.of("put", "a/b c", "v", "--ttl", "10m", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals("ttl=600", api.lastRequest().query());
  }

  @Test
  void put_shouldPrintTheApiJsonWhenAskedForJson() throws Exception {
    api.reply("PUT", "/v1/keys/greeting", 200, CannedReplies.PUT_OK);
    CliRun run = CliRun.of("put", "greeting", "hello", "--json", "--node", api.url().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertEquals(Json.parse(CannedReplies.PUT_OK), Json.parse(run.out()));
    assertEquals(1, run.out().lines().count());
  }

  @Test
  void put_shouldExit5WhenTheQuorumIsNotReached() throws Exception {
    api.reply("PUT", "/v1/keys/greeting", 503, CannedReplies.QUORUM_NOT_REACHED);
    CliRun run = CliRun.of("put", "greeting", "hello", "--node", api.url().toString());
    assertEquals(ExitCodes.UNAVAILABLE, run.exitCode(), run::toString);
    assertEquals("error: stored on 1 of 3 replicas, the quorum is 2\n", run.err());
    CliRun json = CliRun.of("put", "greeting", "hello", "--json", "--node", api.url().toString());
    assertEquals(ExitCodes.UNAVAILABLE, json.exitCode(), json::toString);
    assertEquals("quorum_not_reached", Json.parse(json.out()).path("error").asText());
  }

  @Test
  void put_shouldExit2WhenTheNodeRefusesTheValue() {
    api.reply("PUT", "/v1/keys/greeting", 400, CannedReplies.VALUE_TOO_LARGE);
    CliRun run = CliRun.of("put", "greeting", "x".repeat(100), "--node", api.url().toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    assertEquals("error: value too large: 70000 bytes, the limit is 65536\n", run.err());
  }

  @Test
  void put_shouldExit2WithoutAskingWhenTheTtlIsBad() {
    CliRun run = CliRun.of("put", "greeting", "hello", "--ttl", "soon", "--node",
        api.url().toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: Invalid value for option '--ttl': 'soon' is not a "
        + "ttl"), run::toString);
    assertTrue(run.err().endsWith("(see 'kadence put --help')\n"), run::toString);
    assertTrue(api.requests().isEmpty());
  }

  @Test
  void put_shouldExit2WhenTheValueIsMissingOrAFlagUnknown() {
    CliRun missing = CliRun.of("put", "greeting");
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    assertEquals("error: Missing required parameter: '<value>' (see 'kadence put --help')\n",
        missing.err());
    CliRun unknown = CliRun.of("put", "greeting", "hello", "--tll", "5m");
    assertEquals(ExitCodes.USAGE, unknown.exitCode());
    assertTrue(unknown.err().startsWith("error: unknown option '--tll'"), unknown::toString);
  }

  @Test
  void put_shouldExit2WhenTheNodeUrlIsBad() {
    CliRun run = CliRun.of("put", "greeting", "hello", "--node", "ftp://127.0.0.1:7480");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("expected the node's HTTP address like "
        + "http://127.0.0.1:7480, got 'ftp://127.0.0.1:7480'"), run::toString);
  }
}
