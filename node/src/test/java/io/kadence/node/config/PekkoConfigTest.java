package io.kadence.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LogCapturingExtension.class)
class PekkoConfigTest {
  private final List<ActorTestKit> kits = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void stopSystems() {
    kits.forEach(ActorTestKit::shutdownTestKit);
  }

  private ActorTestKit start(String name) {
    Config config = PekkoConfig.forPeer("127.0.0.1", 0, dir.resolve(name),
        ConfigFactory.parseResources("kadence-fast-cluster.conf"));
    ActorTestKit kit = ActorTestKit.create(PekkoConfig.SYSTEM_NAME, config);
    kits.add(kit);
    return kit;
  }

  @Test
  void forPeer_shouldConfigureSbrAndH2WhenBuilt() {
    Config config = PekkoConfig.forPeer("127.0.0.1", 0, dir, ConfigFactory.empty());
    assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
        config.getString("pekko.cluster.downing-provider-class"));
    assertEquals("keep-majority",
        config.getString("pekko.cluster.split-brain-resolver.active-strategy"));
    assertEquals("cluster", config.getString("pekko.actor.provider"));
    String url = config.getString("pekko-persistence-jdbc.shared-databases.kadence.db.url");
    assertTrue(url.endsWith(";DATABASE_TO_UPPER=false;WRITE_DELAY=0"), url);
    assertTrue(url.contains(dir.toAbsolutePath().toString()), url);
    assertEquals(20, config.getInt("kadence.routing.k"), "kadence reference.conf is layered in");
  }

  @Test
  void forPeer_shouldLetUserConfigOverrideKadenceDefaultsWhenGiven() {
    Config config = PekkoConfig.forPeer("127.0.0.1", 0, dir,
        ConfigFactory.parseString("pekko.cluster.split-brain-resolver.active-strategy = keep-oldest"));
    assertEquals("keep-oldest",
        config.getString("pekko.cluster.split-brain-resolver.active-strategy"));
  }

  @Test
  void forPeer_shouldRefuseWhenArteryFramesCannotCarryTheLargestMessage() {
    ConfigException e = assertThrows(ConfigException.class, () -> PekkoConfig.forPeer("127.0.0.1",
        0, dir, ConfigFactory.parseString("pekko.remote.artery.advanced.maximum-frame-size = 256 KiB")));
    assertTrue(e.getMessage().contains("maximum-frame-size"), e.getMessage());
    // Smaller values make the default frame enough again.
    PekkoConfig.forPeer("127.0.0.1", 0, dir, ConfigFactory.parseString(
        "pekko.remote.artery.advanced.maximum-frame-size = 256 KiB\n"
            + "kadence.storage.max-value-size = 8 KiB"));
  }

  @Test
  void forPeer_shouldFormAClusterOnFreePortsWhenThreeSystemsJoinTheFirst() {
    List<ActorSystem<Void>> systems = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      systems.add(start("peer" + i).system());
    }
    Address first = Cluster.get(systems.get(0)).selfMember().address();
    assertTrue(first.port().isDefined() && (Integer) first.port().get() > 0, "bound a real port");
    Cluster.get(systems.get(0)).manager().tell(Join.create(first));
    for (ActorSystem<Void> s : systems.subList(1, 3)) {
      Cluster.get(s).manager().tell(new JoinSeedNodes(List.of(first)));
    }
    kits.get(0).createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      for (ActorSystem<Void> s : systems) {
        long up = 0;
        for (var m : Cluster.get(s).state().getMembers()) {
          if (m.status() == MemberStatus.up()) {
            up++;
          }
        }
        assertEquals(3, up, "members up as seen by " + Cluster.get(s).selfMember().address());
      }
      return null;
    });
  }
}
