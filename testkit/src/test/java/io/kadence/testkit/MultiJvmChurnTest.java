package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A churn run of peer JVMs: for {@link #CHURN} peers leave, in turn gracefully and with
 * {@code kill -9}, and a new peer joins after each, while a client keeps putting new keys and
 * reading acknowledged ones through the running peers. Each change waits for the network to
 * settle and for every acknowledged key to be back at {@value #REPLICATION} copies: churn
 * slower than repair, which is the regime a DHT promises to survive. Reports get success for
 * acknowledged keys and puts lost; both must be perfect.
 */
@ExtendWith(LogCapturingExtension.class)
class MultiJvmChurnTest {
  private static final Duration CHURN = Duration.ofSeconds(45);
  private static final int MIN_CHANGES = 2;
  private static final int MAX_CHANGES = 8;
  private static final int PEERS = 5;
  private static final int REPLICATION = 3;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration REPAIR = Duration.ofSeconds(90);
  private static final long SEED = 5L;

  @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

  @Test
  void churn_shouldReadEveryAcknowledgedKeyAndLoseNoPutWhenPeersLeaveCrashAndJoin()
      throws Exception {
    MultiJvmCluster cluster = clusters.builder().size(PEERS)
        .config("kadence.storage { replication = " + REPLICATION + ", write-quorum = 2 }")
        .start();
    Traffic traffic = new Traffic(cluster, "churn");
    traffic.put(20);
    Client client = new Client(cluster, traffic);
    Thread load = new Thread(client, "churn-client");
    load.start();
    Random random = new Random(SEED);
    List<String> changes = new ArrayList<>();
    long start = System.nanoTime();
    long deadline = start + CHURN.toNanos();
    try {
      while (changes.size() < MAX_CHANGES
          && (changes.size() < MIN_CHANGES || System.nanoTime() < deadline)) {
        List<RemotePeer> running = cluster.running();
        RemotePeer leaving = running.get(random.nextInt(running.size()));
        boolean graceful = changes.size() % 2 == 0;
        long changeStart = System.nanoTime();
        if (graceful) {
          assertEquals(0, leaving.leave(WAIT), leaving + " exit status after a leave");
        } else {
          leaving.kill();
        }
        cluster.awaitMembers(PEERS - 1, WAIT);
        RemotePeer joined = cluster.addPeer();
        cluster.awaitMembers(PEERS, WAIT);
        Duration repaired = FaultChecks.awaitCopies(cluster, traffic.acknowledged(),
            REPLICATION, REPAIR);
        changes.add((graceful ? "leave " : "kill -9 ") + "peer-" + leaving.index() + " + join peer-"
            + joined.index() + " (" + (System.nanoTime() - changeStart) / 1_000_000
            + " ms, copies confirmed in " + repaired.toMillis() + " ms)");
      }
    } finally {
      client.stop.set(true);
      load.join(WAIT.toMillis());
    }
    assertTrue(!load.isAlive(), "the client thread stopped");
    long churnMs = (System.nanoTime() - start) / 1_000_000;
    FaultChecks.Reads reads = FaultChecks.readAll(cluster, traffic.acknowledged());
    int lost = reads.missing().size();
    double getSuccess = client.gets.get() == 0 ? 1.0
        : (double) client.found.get() / client.gets.get();
    System.out.println("churn: " + changes.size() + " changes in " + churnMs + " ms: " + changes
        + "; during it " + client.gets.get() + " gets of acknowledged keys, " + client.found.get()
        + " found (" + String.format("%.2f", 100 * getSuccess) + "%, " + client.retried.get()
        + " on a retry through another peer); " + traffic.attempted() + " puts, "
        + traffic.acknowledged().size() + " acknowledged, " + traffic.failed() + " not "
        + traffic.failures() + "; afterwards " + reads.found() + " of " + reads.keys()
        + " acknowledged keys read back, " + lost + " lost");
    assertEquals(client.gets.get(), client.found.get(), "every get of an acknowledged key found"
        + " it; misses: " + client.misses);
    assertEquals(0, lost, "acknowledged puts lost: " + reads.missing());
  }

  /** Puts a new key, then reads a random acknowledged one, until stopped. */
  private static final class Client implements Runnable {
    final MultiJvmCluster cluster;
    final Traffic traffic;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger found = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final List<String> misses = java.util.Collections.synchronizedList(new ArrayList<>());
    final Random random = new Random(SEED + 1);

    Client(MultiJvmCluster cluster, Traffic traffic) {
      this.cluster = cluster;
      this.traffic = traffic;
    }

    @Override
    public void run() {
      // Bounded by the stop flag, and by count in case the test thread died without setting it.
      for (int i = 0; i < 100_000 && !stop.get(); i++) {
        traffic.putNext();
        List<String> acked = traffic.acknowledged();
        String key = acked.get(random.nextInt(acked.size()));
        FaultChecks.Reads read = FaultChecks.readAll(cluster, List.of(key));
        gets.incrementAndGet();
        found.addAndGet(read.found());
        retried.addAndGet(read.retried());
        if (!read.missing().isEmpty()) {
          misses.add(read.missing().toString());
        }
      }
    }
  }
}
