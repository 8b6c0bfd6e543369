package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kadence bench} against a real network of three Kadence peers in this JVM: every put
 * acknowledged, every get back byte for byte through another peer, the state file carried into
 * a second run, the documented JSON, and exit codes. Numbers are printed, never asserted.
 */
class BenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KEYS = 30;
  @TempDir static Path dir;
  static InJvmPeers peers;

  @BeforeAll
  static void start() throws Exception {
    peers = InJvmPeers.start(3, dir.resolve("net"));
  }

  @AfterAll
  static void stop() {
    if (peers != null) {
      peers.close();
    }
  }

  @Test
  void bench_shouldAckEveryPutAndGetEveryValueBackThenCarryTheKeysIntoTheNextRun()
      throws Exception {
    Path state = dir.resolve("state.json");

    CliRun first = CliRun.of("bench", "--peers", peers.peersFlag(), "--keys", "" + KEYS,
        "--value-size", "100", "--phase", "put:inflight=4", "--phase", "get:inflight=4",
        "--state", state.toString(), "--seed", "7", "--json", "--no-progress");

    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    System.out.println("first run: " + first.out());
    JsonNode report = JSON.readTree(first.out());
    assertEquals("kadence", report.get("system").asText());
    assertEquals(3, report.get("peers").asInt());
    assertEquals(KEYS, report.get("keys").asInt());
    assertEquals(100, report.get("valueSize").asInt());
    JsonNode put = report.get("phases").get(0);
    JsonNode get = report.get("phases").get(1);
    assertPhase(put, "put", 4, KEYS, KEYS);
    assertPhase(get, "get", 4, KEYS, KEYS);
    assertEquals(0, get.get("lost").asLong(), get.toString());
    assertEquals("peer-counters", get.get("messagesSource").asText(), get.toString());
    assertTrue(get.get("messagesPerOp").asDouble() > 0, "a get crosses the network: " + get);
    assertTrue(put.get("peerCpuSeconds").isNumber(), put.toString());
    assertTrue(put.get("rssMbPerPeer").isNumber(), put.toString());

    JsonNode saved = JSON.readTree(state.toFile());
    assertEquals(KEYS, saved.get("keys").size());
    Set<String> storers = new HashSet<>();
    for (JsonNode key : saved.get("keys")) {
      assertEquals(100, Base64.getDecoder().decode(key.get("value").asText()).length);
      storers.add(key.get("peer").asText());
    }
    assertEquals(Set.copyOf(peers.urls().stream().map(URI::toString).toList()), storers,
        "key i goes through peer i mod N");

    CliRun second = CliRun.of("bench", "--peers", peers.peersFlag(), "--keys", "5",
        "--phase", "get:inflight=8", "--phase", "put-new", "--state", state.toString(),
        "--seed", "7", "--json", "--no-progress");

    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    System.out.println("second run: " + second.out());
    JsonNode again = JSON.readTree(second.out());
    assertPhase(again.get("phases").get(0), "get", 8, KEYS, KEYS);
    assertPhase(again.get("phases").get(1), "put-new", 1, 5, 5);
    JsonNode resaved = JSON.readTree(state.toFile());
    assertEquals(KEYS + 5, resaved.get("keys").size(), "earlier keys kept, new ones added");
    Set<String> names = new HashSet<>();
    resaved.get("keys").forEach(k -> names.add(k.get("key").asText()));
    assertEquals(KEYS + 5, names.size(), "the same seed still gives the second run new keys");
  }

  @Test
  void bench_shouldPrintATableWithARowPerPhaseWhenNotJson() {
    CliRun run = CliRun.of("bench", "--peers", peers.peersFlag(), "--keys", "6",
        "--phase", "put:inflight=2,count=6", "--phase", "get:inflight=2,duration=1s,count=12",
        "--no-progress");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    System.out.println(run.out());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).startsWith("kadence: 3 peers, 64-byte values, seed "), run.out());
    assertTrue(lines.get(1).matches("PHASE\\s+INFLIGHT\\s+OPS\\s+OK %\\s+LOST\\s+P50 MS\\s+P95 MS"
        + "\\s+P99 MS\\s+MAX MS\\s+OPS/S\\s+MSGS/OP\\s+PEER CPU S\\s+RSS MB/PEER"), run.out());
    assertTrue(lines.get(2).matches("put\\s+2\\s+6\\s+100\\.0\\s+0\\s.*"), run.out());
    assertTrue(lines.get(3).matches("get\\s+2\\s+\\d+\\s+100\\.0\\s+0\\s.*"), run.out());
    assertTrue(run.out().contains("msgs/op: signed envelopes"), run.out());
  }

  @Test
  void bench_shouldReadThePeersOfALocalNetDirectory() throws Exception {
    Path net = dir.resolve("local-net");
    List<URI> urls = peers.urls();
    for (int i = 0; i < urls.size(); i++) {
      Path peerDir = Files.createDirectories(net.resolve("peer-" + i));
      Files.writeString(peerDir.resolve("node.log"), "starting a peer\nhttp     http://127.0.0.1:1"
          + "\nleft\nhttp     " + urls.get(i) + "\nserving\n");
    }

    CliRun run = CliRun.of("bench", "--local-net", net.toString(), "--keys", "3", "--json",
        "--no-progress");

    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    JsonNode report = JSON.readTree(run.out());
    assertEquals(3, report.get("peers").asInt());
    assertPhase(report.get("phases").get(0), "put", 1, 3, 3);
    assertPhase(report.get("phases").get(1), "get", 1, 3, 3);
  }

  @Test
  void bench_shouldExitTwoWhenTheUsageIsWrong() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"hello\": 1}");
    String url = peers.urls().get(0).toString();
    List<String[]> wrong = List.of(
        new String[] {"bench"},
        new String[] {"bench", "--peers", url, "--local-net", dir.toString()},
        new String[] {"bench", "--peers", url, "--phase", "fetch"},
        new String[] {"bench", "--peers", url, "--phase", "get:inflight=0"},
        new String[] {"bench", "--peers", url, "--phase", "put:count=ten"},
        new String[] {"bench", "--peers", url, "--phase", "put:duration=soon"},
        new String[] {"bench", "--peers", url, "--value-size", "0"},
        new String[] {"bench", "--peers", url, "--keys", "0"},
        new String[] {"bench", "--peers", url, "--system", "chord"},
        new String[] {"bench", "--peers", url, "--timeout", "0s"},
        new String[] {"bench", "--peers", "ftp://x"},
        new String[] {"bench", "--peers", url, "--pids", "" + Integer.MAX_VALUE},
        new String[] {"bench", "--peers", url, "--state", garbage.toString()},
        new String[] {"bench", "--local-net", dir.resolve("nothing").toString()});
    for (String[] args : wrong) {
      CliRun run = CliRun.of(args);
      assertEquals(ExitCodes.USAGE, run.exitCode(), String.join(" ", args) + ": " + run);
      assertTrue(run.err().startsWith("error: "), run.toString());
      assertTrue(run.err().contains("kadence bench --help"), run.toString());
      assertEquals("", run.out(), run.toString());
    }
  }

  @Test
  void bench_shouldExitOneWhenNoPeerAnswers() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    CliRun run = CliRun.of("bench", "--peers", "127.0.0.1:" + port, "--no-progress",
        "--timeout", "2s");

    assertEquals(ExitCodes.FAILURE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("none of the 1 peers answered"), run.toString());
    assertFalse(run.err().contains("Exception"), run.toString());
  }

  private static void assertPhase(JsonNode phase, String name, int inflight, long ops, long ok) {
    assertEquals(name, phase.get("name").asText(), phase.toString());
    assertEquals(inflight, phase.get("inflight").asInt(), phase.toString());
    assertEquals(ops, phase.get("ops").asLong(), phase.toString());
    assertEquals(ok, phase.get("ok").asLong(), phase.toString());
    assertEquals(ops - ok, phase.get("failed").asLong() + phase.get("lost").asLong());
    assertEquals(ok / (double) ops, phase.get("successRate").asDouble(), 1e-9);
    for (String field : new String[] {"p50Ms", "p95Ms", "p99Ms", "maxMs", "opsPerSec"}) {
      assertTrue(phase.get(field).isNumber(), field + " in " + phase);
    }
    assertTrue(phase.get("p50Ms").asDouble() <= phase.get("maxMs").asDouble(), phase.toString());
    for (String field : new String[] {"messagesPerOp", "messagesSource", "peerCpuSeconds",
        "rssMbPerPeer"}) {
      assertTrue(phase.has(field), field + " in " + phase);
    }
    assertNotEquals(0, phase.get("ops").asLong());
  }
}
