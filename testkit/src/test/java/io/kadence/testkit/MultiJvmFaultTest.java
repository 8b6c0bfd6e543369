package io.kadence.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults only separate JVMs can show, on four peer JVMs with the default replication of 5 and
 * write quorum of 3 (so every peer holds every key): a peer killed with SIGKILL, and a peer
 * frozen with SIGSTOP past the failure detector's acceptable pause (1.5 s in
 * kadence-testkit.conf) and resumed, frozen until the others down it, and restarted from its
 * data dir.
 */
@ExtendWith(LogCapturingExtension.class)
class MultiJvmFaultTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

  @Test
  void kill_shouldLoseNoAcknowledgedPutWhenAPeerJvmIsKilled() {
    MultiJvmCluster cluster = clusters.builder().size(4).start();
    System.out.println("multi-JVM: 4 peer JVMs serve and see each other after "
        + cluster.startTime().toMillis() + " ms");
    List<String> keys = putKeys(cluster, "kill", 50);
    RemotePeer victim = cluster.peer(2);
    long killedAt = System.nanoTime();
    int status = victim.kill();
    cluster.awaitMembers(3, WAIT);
    Duration downed = Duration.ofNanos(System.nanoTime() - killedAt);
    int read = readAll(cluster.running(), keys);
    assertEquals(keys.size(), read, "every acknowledged key readable through the survivors");
    System.out.println("multi-JVM kill -9: peer JVM exited " + status + "; downed and removed by"
        + " the survivors after " + downed.toMillis() + " ms; " + read + " of " + keys.size()
        + " keys read through the 3 survivors, 0 lost");
  }

  @Test
  void pause_shouldMarkThePeerUnreachableWhileGetsSucceedAndKeepItsDataAcrossResumeAndRestart() {
    MultiJvmCluster cluster = clusters.builder().size(4).start();
    List<String> keys = putKeys(cluster, "pause", 10);
    RemotePeer frozen = cluster.peer(3);
    int held = frozen.info().records();
    assertEquals(keys.size(), held, "with 4 peers and 5 replicas each peer holds all keys");

    // A pause past the failure detector's acceptable pause, resumed as soon as all see it.
    long pausedAt = System.nanoTime();
    frozen.pause();
    for (RemotePeer peer : cluster.running()) {
      Await.until(peer + " to mark " + frozen + " unreachable", WAIT, peer::members,
          members -> members.stream().anyMatch(m -> frozen.id().equals(m.id()) && !m.reachable()));
    }
    Duration unreachable = Duration.ofNanos(System.nanoTime() - pausedAt);
    assertEquals(keys.size(), readAll(cluster.running(), keys),
        "gets succeed while a replica is frozen");
    frozen.resume();
    String outcome = awaitRejoinedOrGone(cluster, frozen);
    RemotePeer back = frozen.isAlive() ? frozen : cluster.restart(3);
    cluster.awaitMembers(4, WAIT);
    assertEquals(held, back.info().records(), "records kept across the pause");

    // A pause the others end by downing the peer: resumed, it stops itself; restarted, it is back.
    pausedAt = System.nanoTime();
    back.pause();
    cluster.awaitMembers(3, WAIT);
    Duration downed = Duration.ofNanos(System.nanoTime() - pausedAt);
    back.resume();
    Await.until(back + " to stop itself once resumed after being downed", WAIT,
        back::isAlive, alive -> !alive);
    RemotePeer restarted = cluster.restart(3);
    cluster.awaitMembers(4, WAIT);
    assertEquals(held, restarted.info().records(), "records recovered from its data dir");
    assertEquals(keys.size(), readAll(List.of(restarted), keys), "every key readable through it");
    System.out.println("multi-JVM SIGSTOP: unreachable to all others after "
        + unreachable.toMillis() + " ms; after SIGCONT it " + outcome + ". Paused again: downed"
        + " and removed after " + downed.toMillis() + " ms; resumed, it exited with "
        + back.exitCode().orElseThrow() + "; restarted from its data dir it holds its " + held
        + " records and reads every key");
  }

  /** After a resume: waits until the peer is reachable to all again, or its JVM has exited. */
  private static String awaitRejoinedOrGone(MultiJvmCluster cluster, RemotePeer resumed) {
    List<RemotePeer> others = cluster.running().stream().filter(p -> p != resumed).toList();
    Await.until(resumed + " to be reachable again or to exit (downed)", WAIT,
        () -> resumed.isAlive() ? reachability(others, resumed) : Map.of("exited", true),
        seen -> seen.containsKey("exited") || seen.values().stream().allMatch(r -> r));
    return resumed.isAlive() ? "rejoined, reachable again"
        : "was downed and exited with " + resumed.exitCode().orElseThrow() + ", then restarted";
  }

  /** Whether each of {@code askers} sees {@code target} up and reachable. */
  private static Map<String, Boolean> reachability(List<RemotePeer> askers, RemotePeer target) {
    return askers.stream().collect(Collectors.toMap(p -> "peer-" + p.index(),
        p -> p.members().stream().anyMatch(m -> target.id().equals(m.id()) && m.reachable()
            && m.status().equals("Up"))));
  }

  /** Puts {@code count} keys through the running peers in turn; every put must be acknowledged. */
  static List<String> putKeys(MultiJvmCluster cluster, String prefix, int count) {
    List<RemotePeer> peers = cluster.running();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = prefix + "-" + i;
      PutAck ack = peers.get(i % peers.size()).put(key, ("value of " + key).getBytes(UTF_8));
      assertTrue(ack.success(), "put of " + key + " acknowledged: " + ack);
      keys.add(key);
    }
    return keys;
  }

  /** How many keys read back with their value, each through the next of {@code peers}. */
  static int readAll(List<RemotePeer> peers, List<String> keys) {
    int read = 0;
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      GetReply get = peers.get(i % peers.size()).get(key);
      assertEquals(List.of("value of " + key), get.texts(), "get of " + key);
      read++;
    }
    return read;
  }
}
