package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.node.KadenceNode;
import io.kadence.node.LeaveResult;
import io.kadence.node.lookup.GetResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers joining, leaving and crashing under data (issue 3), with the default replication of 5
 * and write quorum of 3. Each test has its own cluster.
 */
@ExtendWith(LogCapturingExtension.class)
class PeerChurnTest {
  private static final int REPLICATION = 5;
  @TempDir Path root;

  @Test
  void addPeer_shouldEndUpHoldingTheRecordsItIsResponsibleForWhenItJoinsAfterThem()
      throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(5, root)) {
      ClusterFixture.awaitMembers(cluster, 5);
      List<Key> keys = ClusterFixture.putKeys(cluster, "early", 30);
      KadenceNode late = cluster.addPeer();
      ClusterFixture.awaitMembers(cluster, 6);
      List<Contact> all = cluster.running().stream().map(KadenceNode::contact).toList();
      int responsible = 0;
      for (Key key : keys) {
        if (ReplicaSets.closest(key.id(), all, REPLICATION).contains(late.contact())) {
          responsible++;
          Await.until("the late peer to hold " + key, ClusterFixture.WAIT,
              () -> InJvmCluster.await(late.held(key), ClusterFixture.WAIT),
              records -> !records.isEmpty());
        }
      }
      assertTrue(responsible > 0, "with 6 peers and 5 replicas the new peer is in most sets");
      System.out.println("late joiner: responsible for " + responsible + " of " + keys.size()
          + " keys, holds them all");
    }
  }

  @Test
  void leave_shouldLeaveEveryRecordWithReplicationLiveCopiesWhenAPeerHoldingRecordsLeaves()
      throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(6, root)) {
      ClusterFixture.awaitMembers(cluster, 6);
      List<Key> keys = ClusterFixture.putKeys(cluster, "leave", 30);
      ClusterFixture.awaitCopies(cluster, keys, REPLICATION);
      KadenceNode leaver = cluster.peer(2);
      int held = InJvmCluster.await(leaver.info(), ClusterFixture.WAIT).storage().records();
      assertTrue(held > 0, "the leaving peer holds records");
      int contacts = InJvmCluster.await(leaver.routing(), ClusterFixture.WAIT).size();
      CompletionStage<LeaveResult> leave = leaver.leave();
      // Asked again while it runs (as the SIGTERM after an HTTP leave does): the same answer.
      CompletionStage<LeaveResult> again = leaver.leave();
      LeaveResult left = InJvmCluster.await(leave, ClusterFixture.WAIT);
      assertEquals(left, InJvmCluster.await(again, ClusterFixture.WAIT));
      assertEquals(contacts, left.notified(), "every routing contact acknowledged the LEAVE");
      assertEquals(held, left.records());
      assertEquals(held, left.handedOff(), "every record handed to its whole new replica set");
      assertTrue(left.leftCluster());
      ClusterFixture.awaitMembers(cluster, 5);
      // Five live peers and five replicas: every live peer holds every record, at once.
      for (Key key : keys) {
        assertEquals(REPLICATION, cluster.copies(key), "live copies of " + key);
        GetResult get = InJvmCluster.await(cluster.peer(0).get(key), ClusterFixture.WAIT);
        assertFalse(get.records().isEmpty(), "get of " + key + " after the leave");
      }
      System.out.println("graceful leave: " + held + " records handed off, LEAVE acknowledged by "
          + left.notified() + " contacts");
    }
  }

  @Test
  void crash_shouldBeDetectedEvictedAndReReplicatedWhenAPeerStopsWithoutLeaving()
      throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(6, root)) {
      ClusterFixture.awaitMembers(cluster, 6);
      List<Key> keys = ClusterFixture.putKeys(cluster, "crash", 30);
      ClusterFixture.awaitCopies(cluster, keys, REPLICATION);
      KadenceNode victim = cluster.peer(4);
      long crashedAt = System.nanoTime();
      cluster.crash(4);
      ClusterFixture.awaitMembers(cluster, 5);
      Duration downed = Duration.ofNanos(System.nanoTime() - crashedAt);
      for (KadenceNode peer : cluster.running()) {
        var routing = InJvmCluster.await(peer.routing(), ClusterFixture.WAIT);
        assertFalse(routing.buckets().stream().flatMap(b -> b.contacts().stream())
            .anyMatch(c -> c.id().equals(victim.id())), "crashed peer evicted");
      }
      Duration recopied = ClusterFixture.awaitCopies(cluster, keys, REPLICATION);
      for (Key key : keys) {
        GetResult get = InJvmCluster.await(cluster.peer(1).get(key), ClusterFixture.WAIT);
        assertFalse(get.records().isEmpty(), "acknowledged put of " + key + " not lost");
      }
      System.out.println("crash: downed and removed after " + downed.toMillis()
          + " ms; every key back to " + REPLICATION + " copies " + recopied.toMillis()
          + " ms later");
    }
  }

  @Test
  void restart_shouldRejoinThroughSavedContactsWhenGivenNoBootstrapNode() throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(4, root)) {
      ClusterFixture.awaitMembers(cluster, 4);
      KadenceNode before = cluster.peer(2);
      KadenceNode after = cluster.restart(2, false);
      assertEquals(before.id(), after.id());
      ClusterFixture.awaitMembers(cluster, 4);
      var info = InJvmCluster.await(after.info(), ClusterFixture.WAIT);
      assertEquals(4, info.members(), "one network, joined through a saved contact");
    }
  }

  @Test
  void restart_shouldKeepIdRecordsAndRejoinWhenStartedFromTheSameDataDir() throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(6, root)) {
      ClusterFixture.awaitMembers(cluster, 6);
      List<Key> keys = ClusterFixture.putKeys(cluster, "restart", 20);
      ClusterFixture.awaitCopies(cluster, keys, REPLICATION);
      KadenceNode before = cluster.peer(3);
      List<Key> heldBefore = keys.stream()
          .filter(k -> !InJvmCluster.await(before.held(k), ClusterFixture.WAIT).isEmpty())
          .toList();
      assertFalse(heldBefore.isEmpty());
      KadenceNode after = cluster.restart(3);
      assertEquals(before.id(), after.id(), "same node id");
      for (Key key : heldBefore) {
        assertFalse(InJvmCluster.await(after.held(key), ClusterFixture.WAIT).isEmpty(),
            "record of " + key + " recovered from the journal");
      }
      ClusterFixture.awaitMembers(cluster, 6);
    }
  }
}
