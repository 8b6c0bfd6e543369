package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault suite of six peer JVMs, with {@value #REPLICATION} copies per key and a write quorum
 * of 2, so that losing replicas matters: two replica holders killed during 500 puts, the
 * bootstrap peer killed and restarted where it was, and a graceful leave of a peer holding over
 * 1,000 records. One cluster serves the three in order (each leaves it at full strength), since
 * starting six JVMs costs more than any of them; each test would also pass on a fresh cluster.
 */
@ExtendWith(LogCapturingExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiJvmSixPeerFaultTest {
  private static final int REPLICATION = 3;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration REPAIR = Duration.ofSeconds(90);

  @RegisterExtension static final KadenceClusterExtension clusters = new KadenceClusterExtension();
  static MultiJvmCluster cluster;
  /** Every key acknowledged so far, by any test: all must stay readable and replicated. */
  static final List<String> acknowledged = new ArrayList<>();

  @BeforeAll
  static void start() {
    cluster = clusters.builder().size(6)
        .config("kadence.storage { replication = " + REPLICATION + ", write-quorum = 2 }")
        .start();
    System.out.println("six-peer: 6 peer JVMs formed one cluster in "
        + cluster.startTime().toMillis() + " ms");
  }

  @Test
  @Order(1)
  void kill_shouldLoseNoAcknowledgedPutAndRestoreEveryCopyWhenTwoReplicasAreKilledMidStream() {
    Traffic traffic = new Traffic(cluster, "six");
    traffic.put(250);
    // Two holders of the same acknowledged key: that key drops to one live copy.
    String probe = traffic.acknowledged().get(0);
    List<RemotePeer> victims = cluster.running().stream()
        .filter(p -> p.index() != 0 && p.holds(probe)).limit(2).toList();
    assertEquals(2, victims.size(), "two peers other than the bootstrap hold " + probe);
    victims.forEach(RemotePeer::kill);
    long killed = System.nanoTime();
    traffic.put(250);
    cluster.awaitMembers(4, WAIT);
    FaultChecks.Reads reads = FaultChecks.assertAllReadable(cluster, traffic.acknowledged());
    Duration repaired = FaultChecks.awaitCopies(cluster, traffic.acknowledged(), REPLICATION,
        REPAIR);
    Duration sinceKill = Duration.ofNanos(System.nanoTime() - killed);
    System.out.println("six-peer kill -9: " + traffic.attempted() + " puts, "
        + traffic.acknowledged().size() + " acknowledged, " + traffic.failed() + " not "
        + traffic.failures() + "; killed " + victims + " after 250; " + reads.found() + " of "
        + reads.keys() + " acknowledged keys read back (" + reads.retried() + " on a retry),"
        + " 0 lost; every key back at " + REPLICATION + " live copies " + repaired.toMillis()
        + " ms after the reads (" + sinceKill.toMillis() + " ms after the kills)");
    acknowledged.addAll(traffic.acknowledged());
    for (RemotePeer victim : victims) {
      cluster.restart(victim.index());
    }
    cluster.awaitMembers(6, WAIT);
  }

  @Test
  @Order(2)
  void bootstrapKilled_shouldLetANewPeerJoinThroughAnotherAndTheRestartedBootstrapRejoin() {
    RemotePeer bootstrap = cluster.peer(0);
    bootstrap.kill();
    cluster.awaitMembers(5, WAIT);
    long joinStart = System.nanoTime();
    RemotePeer late = cluster.addPeer();
    cluster.awaitMembers(6, WAIT);
    Duration joined = Duration.ofNanos(System.nanoTime() - joinStart);
    // As it was first started: same address, no bootstrap list, so only its saved contacts
    // can bring it back into this network; without them it would start a second one.
    long restartStart = System.nanoTime();
    RemotePeer back = cluster.restartInPlace(0);
    cluster.awaitMembers(7, WAIT);
    Duration rejoined = Duration.ofNanos(System.nanoTime() - restartStart);
    assertEquals(bootstrap.address(), back.address());
    Set<String> ids = cluster.running().stream().map(RemotePeer::id).collect(Collectors.toSet());
    for (RemotePeer peer : cluster.running()) {
      // A member's id shows once the peer has had its signed PONG: a round trip after it is Up.
      Await.until(peer + " to see every running peer by id and no other: one network", WAIT,
          () -> peer.members().stream().map(MemberStatus::id).collect(Collectors.toSet()),
          ids::equals);
    }
    FaultChecks.Reads reads = FaultChecks.assertAllReadable(cluster, acknowledged);
    System.out.println("six-peer bootstrap: " + late + " joined through the others in "
        + joined.toMillis() + " ms while the bootstrap was down; the bootstrap restarted at "
        + back.address() + " without a bootstrap list rejoined through its saved contacts in "
        + rejoined.toMillis() + " ms; all " + ids.size() + " peers see the same " + ids.size()
        + " members; " + reads.found() + " keys read back");
  }

  @Test
  @Order(3)
  void leave_shouldLeaveNoRecordBelowReplicationWhenAPeerHoldingOverAThousandRecordsLeaves() {
    RemotePeer leaver = cluster.peer(2);
    List<String> keys = keysHeldBy(leaver, 1_100);
    Traffic traffic = new Traffic(cluster, "leave");
    traffic.putAll(keys, 4);
    acknowledged.addAll(traffic.acknowledged());
    int held = leaver.heldKeyIds().size();
    assertTrue(held >= 1_000, leaver + " holds " + held + " records, fewer than 1,000");
    long leaveStart = System.nanoTime();
    assertEquals(0, leaver.leave(WAIT), "exit status after POST /v1/leave");
    Duration left = Duration.ofNanos(System.nanoTime() - leaveStart);
    cluster.awaitMembers(6, WAIT);
    Map<String, Integer> belowAtOnce =
        FaultChecks.underReplicated(cluster, acknowledged, REPLICATION);
    Duration repaired = FaultChecks.awaitCopies(cluster, acknowledged, REPLICATION, REPAIR);
    FaultChecks.Reads reads = FaultChecks.assertAllReadable(cluster, acknowledged);
    System.out.println("six-peer leave: " + leaver + " held " + held + " records ("
        + traffic.acknowledged().size() + " of " + keys.size() + " puts acknowledged); it"
        + " handed them on and exited in " + left.toMillis() + " ms; right after, "
        + belowAtOnce.size() + " of " + acknowledged.size() + " keys were below "
        + REPLICATION + " copies, 0 after " + repaired.toMillis() + " ms; " + reads.found()
        + " keys read back");
    assertEquals(Map.of(), belowAtOnce, "keys below " + REPLICATION + " copies once the leaver"
        + " has exited (it hands every record on before it goes)");
  }

  /**
   * {@code n} keys whose replica set, among the running peers, includes {@code peer}: of the
   * running peers' ids, {@code peer}'s is among the {@value #REPLICATION} closest to the key.
   */
  private static List<String> keysHeldBy(RemotePeer peer, int n) {
    List<NodeId> ids = cluster.running().stream().map(p -> NodeId.fromHex(p.id())).toList();
    NodeId target = NodeId.fromHex(peer.id());
    List<String> keys = new ArrayList<>();
    for (int i = 0; keys.size() < n && i < n * 20; i++) {
      String key = "leave-" + i;
      NodeId keyId = NodeId.fromHex(RemotePeer.keyId(key));
      boolean replica = ids.stream().sorted(Comparator.comparing(keyId::xor))
          .limit(REPLICATION).anyMatch(target::equals);
      if (replica) {
        keys.add(key);
      }
    }
    assertEquals(n, keys.size(), "keys found whose replica set includes " + peer);
    return keys;
  }
}
