package io.kadence.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.node.KadenceNode;
import io.kadence.node.NodeInfo;
import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.LookupReport;
import io.kadence.node.lookup.PutResult;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Six peers in one JVM: puts, gets and lookups across them (issue 3). */
@ExtendWith(LogCapturingExtension.class)
class PeerNetworkTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir static Path root;
  static InJvmCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    // k = 4 so that a lookup has to choose among the five other peers.
    cluster = InJvmCluster.start(6, root, ConfigFactory.parseString(
        "kadence.routing.k = 4\nkadence.storage.replication = 3\nkadence.storage.write-quorum = 2"));
    for (KadenceNode peer : cluster.peers()) {
      Await.until("peer " + peer.id().shortHex() + " to see 6 members and 4+ contacts", WAIT,
          () -> InJvmCluster.await(peer.info(), WAIT),
          (NodeInfo info) -> info.members() == 6 && info.routingContacts() >= 4);
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void members_shouldBeKnownOnEveryPeerByTheIdsTheyProvedWhenNoneAnnouncesOne() {
    Set<Contact> all = cluster.peers().stream().map(KadenceNode::contact)
        .collect(Collectors.toSet());
    for (KadenceNode peer : cluster.peers()) {
      Await.until("peer " + peer.id().shortHex() + " to know all six members by proven id", WAIT,
          () -> StreamSupport.stream(Cluster.get(peer.actorSystem()).state().getMembers()
                  .spliterator(), false)
              .map(member -> peer.members().contactOf(member).orElse(null))
              .collect(Collectors.toSet()),
          all::equals);
      assertEquals(all, peer.members().liveMembers(Cluster.get(peer.actorSystem()).state()));
      for (Member member : Cluster.get(peer.actorSystem()).state().getMembers()) {
        assertTrue(member.getRoles().stream().noneMatch(role -> role.startsWith("kadence")),
            "no member announces its id: " + member.getRoles());
      }
    }
  }

  @Test
  void put_shouldBeReadableThroughEveryOtherPeerWhenStoredThroughOne() {
    byte[] value = "hello, kadence".getBytes(UTF_8);
    PutResult put = InJvmCluster.await(cluster.peer(0).put("greeting", value), WAIT);
    assertTrue(put.success(), "put acknowledged: " + put);
    assertEquals(3, put.stored() + put.pending(), "sent to the whole replica set: " + put);
    assertTrue(put.stored() >= put.quorum(), "answered once its quorum stored it: " + put);
    for (KadenceNode peer : cluster.peers().subList(1, 6)) {
      GetResult get = InJvmCluster.await(peer.get("greeting"), WAIT);
      assertEquals(1, get.records().size(), "one record through " + peer.id().shortHex());
      assertEquals("hello, kadence", new String(get.records().get(0).value(), UTF_8));
    }
  }

  @Test
  void lookup_shouldEqualBruteForceClosestAmongLivePeersWhenTargetsAreRandom() {
    Random random = new Random(17);
    List<KadenceNode> peers = cluster.peers();
    for (int i = 0; i < 20; i++) {
      NodeId target = NodeId.random(random);
      KadenceNode asker = peers.get(i % peers.size());
      LookupReport report = InJvmCluster.await(asker.lookup(target), WAIT);
      List<NodeId> expected = peers.stream().map(KadenceNode::id)
          .filter(id -> !id.equals(asker.id()))
          .sorted(target.distanceOrder()).limit(4).toList();
      assertEquals(expected, report.closest().stream().map(Contact::id).toList(),
          "lookup of " + target.shortHex() + " from " + asker.id().shortHex());
    }
  }

  @Test
  void get_shouldReturnNothingWhenTheKeyWasNeverPut() {
    GetResult get = InJvmCluster.await(cluster.peer(3).get("never-put"), WAIT);
    assertTrue(get.records().isEmpty());
  }

}
