package io.kadence.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.kadence.cli.CliException;
import io.kadence.cli.Defaults;
import io.kadence.cli.ExitCodes;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.settings.HostPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
  @TempDir
  Path dir;

  @Test
  void load_shouldUseReferenceConfAndTheCliHttpPortWhenNothingIsGiven() {
    NodeConfig config = NodeConfig.load(null, Map.of());
    assertEquals(Defaults.PEER_PORT, config.settings().network().port());
    assertEquals(Defaults.HTTP_PORT, config.settings().http().port());
    assertEquals(Path.of(Defaults.DATA_DIR), config.settings().network().dataDir());
  }

  @Test
  void load_shouldLetTheFileOverrideDefaultsAndFlagsOverrideTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("peer.conf"), """
        kadence.node { port = 7500, join-timeout = 5 s, bootstrap = ["10.0.0.1:7400"] }
        kadence.http.port = 9000
        """);
    NodeConfig fileOnly = NodeConfig.load(file, Map.of());
    assertEquals(7500, fileOnly.settings().network().port());
    assertEquals(9000, fileOnly.settings().http().port());
    assertEquals(Duration.ofSeconds(5), fileOnly.settings().network().joinTimeout());

    NodeConfig flags = NodeConfig.load(file, Map.of("kadence.node.port", 7600,
        "kadence.http.port", 0, "kadence.node.bootstrap", List.of("127.0.0.1:7400")));
    assertEquals(7600, flags.settings().network().port());
    assertEquals(0, flags.settings().http().port());
    assertEquals(List.of(new HostPort("127.0.0.1", 7400)),
        flags.settings().network().bootstrap());
    assertEquals(Duration.ofSeconds(5), flags.settings().network().joinTimeout());
    assertEquals(7600, flags.user().getInt("kadence.node.port"));
  }

  @Test
  void load_whenLean_shouldShrinkPoolsBelowTheFileAndKeepTheFrameThePeerNeeds() throws Exception {
    NodeConfig plain = NodeConfig.load(null, Map.of(), false);
    assertTrue(!plain.user().hasPath("pekko.remote.artery.advanced.buffer-pool-size"));
    NodeConfig lean = NodeConfig.load(null, Map.of(), true);
    assertEquals(16, lean.user().getInt("pekko.remote.artery.advanced.buffer-pool-size"));
    assertEquals(4, lean.user().getInt(
        "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max"));
    assertEquals("pekko.actor.default-dispatcher",
        lean.user().getString("pekko.remote.artery.advanced.use-dispatcher"), "one pool");
    assertEquals("pekko.actor.default-dispatcher",
        lean.user().getString("pekko.io.tcp.worker-dispatcher"), "one pool");
    // The peer's whole Pekko config still resolves, and its frame check passes.
    Config pekko = PekkoConfig.forPeer("127.0.0.1", 0, dir, lean.user());
    assertEquals(2L * 1024 * 1024,
        pekko.getBytes("pekko.remote.artery.advanced.maximum-frame-size"));
    assertEquals(2, pekko.getInt("pekko.actor.internal-dispatcher.fork-join-executor"
        + ".parallelism-max"));
    assertEquals(java.time.Duration.ofSeconds(20), pekko.getDuration(
        "pekko.cluster.failure-detector.acceptable-heartbeat-pause"));
    assertEquals("off", pekko.getString("pekko.cluster.split-brain-resolver"
        + ".down-all-when-unstable"));
    assertEquals(java.time.Duration.ofMinutes(2), lean.settings().network().joinTimeout());

    Path file = Files.writeString(dir.resolve("pool.conf"),
        "pekko.remote.artery.advanced.buffer-pool-size = 64");
    assertEquals(64, NodeConfig.load(file, Map.of(), true).user()
        .getInt("pekko.remote.artery.advanced.buffer-pool-size"));
  }

  @Test
  void load_shouldFailWithUsageWhenTheFileIsMissingOrASettingIsBad() throws Exception {
    CliException missing = assertThrows(CliException.class,
        () -> NodeConfig.load(dir.resolve("nope.conf"), Map.of()));
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    Path bad = Files.writeString(dir.resolve("bad.conf"), "kadence.routing.k = many");
    CliException invalid = assertThrows(CliException.class, () -> NodeConfig.load(bad, Map.of()));
    assertEquals(ExitCodes.USAGE, invalid.exitCode());
    assertTrue(invalid.getMessage().contains("k has type STRING"), invalid.getMessage());
  }
}
