package io.kadence.node.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {
  private static NodeSettings load(String overrides) {
    Config config = ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference()).resolve();
    return NodeSettings.load(config);
  }

  @Test
  void load_shouldReadDocumentedDefaultsWhenNothingIsOverridden() {
    NodeSettings s = load("");
    assertEquals(20, s.routing().k());
    assertEquals(3, s.lookup().alpha());
    assertEquals(10, s.lookup().putWidth());
    assertEquals(5, s.storage().replication());
    assertEquals(3, s.storage().writeQuorum());
    assertEquals(64 * 1024, s.storage().maxValueBytes());
    assertEquals(Duration.ofHours(1), s.routing().refreshInterval());
    assertEquals("127.0.0.1", s.http().host());
    assertTrue(s.network().bootstrap().isEmpty());
  }

  @Test
  void load_shouldApplyOverridesWhenGiven() {
    NodeSettings s = load("kadence.node.bootstrap = [\"127.0.0.1:7401\", \"[::1]:7402\"]\n"
        + "kadence.routing.k = 8\nkadence.lookup.request-timeout = 500ms");
    assertEquals(List.of(new HostPort("127.0.0.1", 7401), new HostPort("::1", 7402)),
        s.network().bootstrap());
    assertEquals(8, s.routing().k());
    assertEquals(Duration.ofMillis(500), s.lookup().requestTimeout());
  }

  @Test
  void load_shouldRefuseAnUnknownSettingAndNameTheOneMeantWhenAPathIsMisspelt() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("kadence.network.join-timeout = 2 minutes"));
    assertTrue(e.getMessage().contains("kadence.network.join-timeout"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean kadence.node.join-timeout?"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> load("kadence.storage.replicas = 3"));
    assertTrue(e.getMessage().contains("no such setting"), e.getMessage());
    assertEquals(Duration.ofSeconds(5),
        load("kadence.testkit.peer-log-level = DEBUG\nkadence.node.join-timeout = 5 s")
            .network().joinTimeout(), "the testkit's block is not a peer's");
  }

  @Test
  void load_shouldNameTheBlockWhenAValueIsInvalid() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("kadence.storage.write-quorum = 9"));
    assertTrue(e.getMessage().contains("kadence.storage"), e.getMessage());
    assertTrue(e.getMessage().contains("write-quorum"), e.getMessage());
    assertThrows(ConfigException.class, () -> load("kadence.node.bootstrap = [\"nohost\"]"));
    assertThrows(ConfigException.class, () -> load("kadence.routing.k = 0"));
    assertThrows(ConfigException.class, () -> load("kadence.lookup.timeout = -1s"));
    ConfigException store = assertThrows(ConfigException.class,
        () -> load("kadence.storage.store-timeout = 0s"));
    assertTrue(store.getMessage().contains("store-timeout"), store.getMessage());
    assertThrows(ConfigException.class, () -> load("kadence.routing.k = many"));
  }

  @Test
  void load_shouldRefuseAPutWidthNarrowerThanTheReplicaSetAndCapItAtK() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("kadence.lookup.put-width = 4"));
    assertTrue(e.getMessage().contains("kadence.lookup"), e.getMessage());
    assertTrue(e.getMessage().contains("put-width (4) must be at least kadence.storage.replication"
        + " (5)"), e.getMessage());
    NodeSettings narrow = load("kadence.lookup.put-width = 3\nkadence.storage.replication = 3");
    assertEquals(3, NodeSettings.putWidth(narrow.lookup(), narrow.routing()));
    NodeSettings smallK = load("kadence.routing.k = 8");
    assertEquals(8, NodeSettings.putWidth(smallK.lookup(), smallK.routing()),
        "a lookup tracks at most k peers");
  }

  @Test
  void quorumFor_shouldBeMajorityOfLiveReplicasWhenNetworkIsSmallerThanReplication() {
    StorageSettings s = load("").storage();
    assertEquals(1, s.quorumFor(1));
    assertEquals(2, s.quorumFor(2));
    assertEquals(2, s.quorumFor(3));
    assertEquals(3, s.quorumFor(4));
    assertEquals(3, s.quorumFor(5));
    assertEquals(3, s.quorumFor(50));
  }

  @Test
  void readQuorumFor_shouldShareAReplicaWithEveryWriteQuorumWhateverTheNetworkSize() {
    StorageSettings s = load("").storage();
    for (int n = 1; n <= 8; n++) {
      assertTrue(s.readQuorumFor(n) + s.quorumFor(n) > Math.min(n, s.replication()), "n = " + n);
    }
    assertEquals(1, s.readQuorumFor(1));
    assertEquals(1, s.readQuorumFor(2));
    assertEquals(2, s.readQuorumFor(3));
    assertEquals(3, s.readQuorumFor(5));
    assertEquals(3, s.readQuorumFor(50));
  }

  @Test
  void hostPortParse_shouldExplainWhenInputIsBad() {
    assertEquals(new HostPort("localhost", 1), HostPort.parse("localhost:1"));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("localhost"));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("localhost:"));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse(":80"));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:99999"));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:x"));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("::1:80"));
    assertEquals("[::1]:80", HostPort.parse("[::1]:80").toString());
  }
}
