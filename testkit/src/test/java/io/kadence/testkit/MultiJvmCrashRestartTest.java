package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash and restart of one peer JVM {@value #CYCLES} times at random points of a stream of puts:
 * after each restart from its data dir, the peer holds every record it ever acknowledged storing
 * (a put's answer names the replicas that stored it), so a {@code kill -9} loses nothing a
 * replica confirmed. The stream runs on its own thread and goes on while the peer is down and
 * restarting; it is bounded by count, {@value #PUTS_PER_CYCLE} puts a cycle, so the test's
 * length does not grow with the machine's load. The peer restarts where it was (same address),
 * as a crashed service restarted by its supervisor would.
 */
@ExtendWith(LogCapturingExtension.class)
class MultiJvmCrashRestartTest {
  private static final int CYCLES = 20;
  private static final int PUTS_PER_CYCLE = 12;
  private static final int VICTIM = 3;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long SEED = 20261205L;

  @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

  @Test
  void restart_shouldRecoverEveryRecordThePeerAcknowledgedWhenItIsKilledAtRandomPoints()
      throws InterruptedException {
    MultiJvmCluster cluster = clusters.builder().size(4).start();
    Random random = new Random(SEED);
    Traffic traffic = new Traffic(cluster, "crash");
    String victimId = cluster.peer(VICTIM).id();
    Set<String> victimStored = ConcurrentHashMap.newKeySet();
    Semaphore budget = new Semaphore(0);
    AtomicInteger made = new AtomicInteger();
    Thread stream = new Thread(() -> {
      for (int i = 0; i < CYCLES * PUTS_PER_CYCLE; i++) {
        try {
          if (!budget.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        }
        String key = "crash-" + i;
        if (traffic.put(key) && storedOn(traffic.ack(key).orElseThrow().json(), victimId)) {
          victimStored.add(RemotePeer.keyId(key));
        }
        made.incrementAndGet();
      }
    }, "crash-restart-puts");
    long started = System.nanoTime();
    long restartNanos = 0;
    stream.start();
    try {
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        int base = cycle * PUTS_PER_CYCLE;
        int killAt = base + random.nextInt(PUTS_PER_CYCLE);
        budget.release(PUTS_PER_CYCLE);
        Await.until("put " + killAt + " of the stream", WAIT, made::get, n -> n >= killAt);
        cluster.peer(VICTIM).kill();
        long restartStart = System.nanoTime();
        RemotePeer back = cluster.restartInPlace(VICTIM);
        restartNanos += System.nanoTime() - restartStart;
        // Acknowledged before the listing is read, so each must be in it.
        assertHolds(back, Set.copyOf(victimStored), "cycle " + cycle + ", after its restart");
        cluster.awaitMembers(4, WAIT);
        Await.until("the " + PUTS_PER_CYCLE + " puts of cycle " + cycle, WAIT, made::get,
            n -> n >= base + PUTS_PER_CYCLE);
      }
    } finally {
      stream.interrupt();
      stream.join(WAIT.toMillis());
    }
    assertFalse(stream.isAlive(), "the put stream stopped");
    assertHolds(cluster.peer(VICTIM), Set.copyOf(victimStored), "at the end");
    FaultChecks.Reads reads = FaultChecks.assertAllReadable(cluster, traffic.acknowledged());
    // A put answers once its quorum stored it, so the victim, slow after each restart, is
    // often still storing (PENDING) when a put is acknowledged: 32 of 232 puts named it STORED
    // on 2026-12-06. Enough of them to make the check above mean something:
    assertTrue(victimStored.size() >= CYCLES / 2, "the victim acknowledged stores: "
        + victimStored.size());
    System.out.println("crash-restart: " + CYCLES + " kill -9 + restarts of peer-" + VICTIM
        + " (seed " + SEED + ") during " + traffic.attempted() + " puts ("
        + traffic.acknowledged().size() + " acknowledged, " + traffic.failed() + " not "
        + traffic.failures() + "); after every restart it held all of the "
        + victimStored.size() + " records it had acknowledged; mean restart to serving "
        + restartNanos / CYCLES / 1_000_000 + " ms; " + reads.found() + " keys read back;"
        + " total " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  private static void assertHolds(RemotePeer peer, Set<String> expected, String when) {
    Set<String> lost = new HashSet<>(expected);
    lost.removeAll(peer.heldKeyIds());
    assertEquals(Set.of(), lost, when + ": key ids of records " + peer + " acknowledged"
        + " storing and no longer holds");
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
