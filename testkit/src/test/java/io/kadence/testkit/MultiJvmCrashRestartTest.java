package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash and restart of one peer JVM {@value #CYCLES} times at random points of a stream of puts:
 * after each restart from its data dir, the peer holds every record it ever acknowledged storing
 * (a put's answer names the replicas that stored it), so a {@code kill -9} loses nothing a
 * replica confirmed. The stream is bounded by count, {@value #PUTS_PER_CYCLE} puts a cycle, so
 * the test's length does not grow with the machine's load. The peer restarts where it was (same
 * address), as a crashed service restarted by its supervisor would.
 */
@ExtendWith(LogCapturingExtension.class)
class MultiJvmCrashRestartTest {
  private static final int CYCLES = 20;
  private static final int PUTS_PER_CYCLE = 12;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long SEED = 20261205L;

  @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

  @Test
  void restart_shouldRecoverEveryRecordThePeerAcknowledgedWhenItIsKilledAtRandomPoints() {
    MultiJvmCluster cluster = clusters.builder().size(4).start();
    Random random = new Random(SEED);
    Traffic traffic = new Traffic(cluster, "crash");
    int victimIndex = 3;
    Set<String> victimStored = new HashSet<>();
    long started = System.nanoTime();
    long restartNanos = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      RemotePeer victim = cluster.peer(victimIndex);
      int killAt = random.nextInt(PUTS_PER_CYCLE);
      for (int i = 0; i < PUTS_PER_CYCLE; i++) {
        if (i == killAt) {
          victim.kill();
        }
        int before = traffic.acknowledged().size();
        traffic.putNext();
        List<String> acked = traffic.acknowledged();
        if (acked.size() > before) {
          String key = acked.get(acked.size() - 1);
          if (storedOn(traffic.ack(key).orElseThrow().json(), victim.id())) {
            victimStored.add(RemotePeer.keyId(key));
          }
        }
      }
      long restartStart = System.nanoTime();
      RemotePeer back = cluster.restartInPlace(victimIndex);
      restartNanos += System.nanoTime() - restartStart;
      Set<String> held = back.heldKeyIds();
      Set<String> lost = new HashSet<>(victimStored);
      lost.removeAll(held);
      assertEquals(Set.of(), lost, "cycle " + cycle + ": records " + back + " acknowledged"
          + " before it was killed and does not hold after its restart");
      cluster.awaitMembers(4, WAIT);
    }
    FaultChecks.Reads reads = FaultChecks.assertAllReadable(cluster, traffic.acknowledged());
    assertTrue(victimStored.size() > CYCLES, "the victim acknowledged stores: "
        + victimStored.size());
    System.out.println("crash-restart: " + CYCLES + " kill -9 + restarts of peer-" + victimIndex
        + " (seed " + SEED + ") during " + traffic.attempted() + " puts ("
        + traffic.acknowledged().size() + " acknowledged, " + traffic.failed() + " not "
        + traffic.failures() + "); after every restart it held all of the "
        + victimStored.size() + " records it had acknowledged; mean restart to serving "
        + restartNanos / CYCLES / 1_000_000 + " ms; " + reads.found() + " keys read back;"
        + " total " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  /** Whether the put answer {@code ack} names {@code id} among the replicas that stored it. */
  private static boolean storedOn(JsonNode ack, String id) {
    for (JsonNode replica : ack.path("replicas")) {
      if (id.equals(replica.path("id").asText())
          && "STORED".equals(replica.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}
