package io.kadence.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenDHT backend of {@code kadence bench} against {@link FakeOpenDht}, which answers as
 * dhtnode's proxy server was observed to: the infohash, the request and reply shapes, gets
 * through another server than the put, failed puts and lost keys.
 */
class OpenDhtTargetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void infoHash_shouldBeSha1OfTheKeyAsOpenDhtComputesIt() {
    // opendht.InfoHash.get("bench-key-1") of python3-opendht 2.4.12 gives the same.
    assertEquals("4452043dda92de35332685faf07085c000024b05",
        OpenDhtTarget.infoHash("bench-key-1"));
  }

  @Test
  void bench_shouldPutByPostAndGetEveryValueThroughAnotherServer() throws Exception {
    try (FakeOpenDht dht = new FakeOpenDht(3)) {
      CliRun run = CliRun.of("bench", "--system", "opendht", "--peers", dht.peersFlag(),
          "--keys", "12", "--phase", "put:inflight=3", "--phase", "get:inflight=3",
          "--json", "--no-progress");

      assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
      JsonNode report = JSON.readTree(run.out());
      assertEquals("opendht", report.get("system").asText());
      JsonNode put = report.get("phases").get(0);
      JsonNode get = report.get("phases").get(1);
      assertEquals(12, put.get("ok").asLong(), put.toString());
      assertEquals(12, get.get("ok").asLong(), get.toString());
      assertEquals(1.0, get.get("successRate").asDouble());
      assertTrue(get.get("peerCpuSeconds").isNull(), "no --pids, no numbers: " + get);
      Map<String, Integer> putServer = new HashMap<>();
      for (FakeOpenDht.Seen seen : dht.seen()) {
        if (seen.method().equals("POST")) {
          assertTrue(seen.hash().matches("[0-9a-f]{40}"), seen.toString());
          putServer.put(seen.hash(), seen.server());
        }
      }
      assertEquals(12, putServer.size());
      long gets = 0;
      for (FakeOpenDht.Seen seen : dht.seen()) {
        if (seen.method().equals("GET") && !seen.hash().equals("/")) {
          gets++;
          assertNotEquals(putServer.get(seen.hash()), seen.server(),
              "a get goes through a server other than the put's: " + seen);
        }
      }
      assertEquals(12, gets);
    }
  }

  @Test
  void bench_shouldCountFailedPutsAndLostKeysWithTheirReasons() throws Exception {
    try (FakeOpenDht dht = new FakeOpenDht(2)) {
      dht.forget.add(OpenDhtTarget.infoHash(firstKey(dht)));
      CliRun run = CliRun.of("bench", "--system", "opendht", "--peers", dht.peersFlag(),
          "--keys", "4", "--seed", "3", "--json", "--no-progress");
      assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
      JsonNode get = JSON.readTree(run.out()).get("phases").get(1);
      assertEquals(4, get.get("ops").asLong(), get.toString());
      assertEquals(1, get.get("lost").asLong(), get.toString());
      assertEquals(1, get.get("errors").get("not found").asLong(), get.toString());
      assertEquals(firstKey(dht), get.get("lostKeys").get(0).asText(), "named: " + get);
      assertEquals(1, get.get("lostKeys").size(), get.toString());
      assertEquals(0, JSON.readTree(run.out()).get("phases").get(0).get("lostKeys").size());
      CliRun text = CliRun.of("bench", "--system", "opendht", "--peers", dht.peersFlag(),
          "--keys", "4", "--seed", "3", "--no-progress");
      assertTrue(text.out().contains("get: lost keys: " + firstKey(dht)), text.out());

      dht.failPuts = true;
      CliRun failing = CliRun.of("bench", "--system", "opendht", "--peers", dht.peersFlag(),
          "--keys", "4", "--no-progress");
      assertEquals(ExitCodes.OK, failing.exitCode(), "failed ops are reported: " + failing);
      assertTrue(failing.out().contains("put: 4 failed, 0 lost: http 502 Put failed 4"),
          failing.out());
      assertTrue(failing.err().contains("phase get: no acknowledged key"), failing.toString());
    }
  }

  /** The first key a run with seed 3 and no state puts. */
  private static String firstKey(FakeOpenDht dht) {
    return new KeyMaker(3, 0, 64).next().key();
  }
}
