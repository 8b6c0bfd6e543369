package io.kadence.cli.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import me.tongfei.progressbar.ProgressBar;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Runs the operations of one phase against the peers with at most {@code inflight} outstanding
 * (a semaphore in front of the asynchronous HTTP client), and counts how they ended. Put phases
 * put fresh keys, key i through peer i mod N, and record the acknowledged ones; get phases get
 * recorded keys through a peer other than the one that took the put.
 */
final class PhaseRunner {
  private final BenchTarget target;
  private final List<URI> peers;
  private final KeyMaker keys;
  private final Duration drainBound;

  /**
   * @param drainBound how long to wait past the last operation started for the outstanding ones
   *     (each is bounded by {@code --timeout}, so this is a guard, not a limit that bites)
   */
  PhaseRunner(BenchTarget target, List<URI> peers, KeyMaker keys, Duration drainBound) {
    this.target = target;
    this.peers = List.copyOf(peers);
    this.keys = keys;
    this.drainBound = drainBound;
  }

  /** Most lost keys a phase names, for looking them up on the peers afterwards. */
  static final int LOST_KEYS_NAMED = 20;

  /**
   * Counts of a phase that ran, before the peers' numbers are added.
   *
   * @param lostKeys the first {@link #LOST_KEYS_NAMED} lost keys, in the order they ended
   */
  record Run(long ops, long ok, long failed, long lost, Histogram latencyMicros, long elapsedNanos,
      Map<String, Long> errors, List<String> lostKeys) {}

  /**
   * Runs {@code spec}; for a put phase, {@code recorded} gains the acknowledged keys.
   *
   * @param defaultCount the count of a phase that gives none (and no duration)
   * @param progress the progress bar to step, or null
   */
  Run run(PhaseSpec spec, List<RecordedKey> recorded, long defaultCount, ProgressBar progress)
      throws InterruptedException {
    List<RecordedKey> toGet = spec.kind().puts() ? List.of() : List.copyOf(recorded);
    long limit = spec.count() > 0 ? spec.count()
        : spec.duration() != null ? Long.MAX_VALUE : defaultCount;
    if (!spec.kind().puts() && toGet.isEmpty()) {
      limit = 0;
    }
    long deadline = spec.duration() == null ? Long.MAX_VALUE
        : System.nanoTime() + spec.duration().toNanos();
    Counters counters = new Counters();
    Semaphore permits = new Semaphore(spec.inflight());
    long start = System.nanoTime();
    for (long i = 0; i < limit && System.nanoTime() < deadline; i++) {
      permits.acquire();
      long opStart = System.nanoTime();
      RecordedKey got = spec.kind().puts() ? null : toGet.get((int) (i % toGet.size()));
      CompletableFuture<OpResult> op = got == null ? put(i, recorded) : get(i, got);
      op.whenComplete((result, bug) -> {
        counters.count(bug != null ? OpResult.failed(BenchHttp.reasonOf(bug)) : result,
            System.nanoTime() - opStart, got == null ? null : got.key());
        if (progress != null) {
          progress.step();
        }
        permits.release();
      });
    }
    if (!permits.tryAcquire(spec.inflight(), drainBound.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("operations still outstanding " + drainBound.toSeconds()
          + " s after the last one started");
    }
    return counters.toRun(System.nanoTime() - start);
  }

  private CompletableFuture<OpResult> put(long i, List<RecordedKey> recorded) {
    KeyMaker.NewKey key = keys.next();
    URI peer = peers.get((int) (i % peers.size()));
    return target.put(peer, key.key(), key.value()).thenApply(result -> {
      if (result.outcome() == OpResult.Outcome.OK) {
        recorded.add(new RecordedKey(key.key(), key.value(), peer.toString()));
      }
      return result;
    });
  }

  private CompletableFuture<OpResult> get(long i, RecordedKey key) {
    return target.get(peers.get(getPeer(key, i)), key);
  }

  /**
   * The peer to get {@code key} through in operation {@code i}: one other than the peer that
   * took the put, so the get crosses the network; any listed peer if that one is not listed.
   */
  int getPeer(RecordedKey key, long i) {
    int n = peers.size();
    int stored = -1;
    for (int p = 0; p < n; p++) {
      if (peers.get(p).toString().equals(key.peerUrl())) {
        stored = p;
      }
    }
    if (stored < 0 || n == 1) {
      return (int) (i % n);
    }
    return (int) ((stored + 1 + i % (n - 1)) % n);
  }

  /** Thread-safe counts and latencies of the operations that ended. */
  private static final class Counters {
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final Histogram latency = new ConcurrentHistogram(3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<String> lostKeys = new ArrayList<>();

    /** Counts one operation; {@code key} is the key a get asked for, null for a put. */
    void count(OpResult result, long nanos, String key) {
      latency.recordValue(Math.max(1, nanos / 1000));
      switch (result.outcome()) {
        case OK -> ok.increment();
        case FAILED -> failed.increment();
        case LOST -> {
          lost.increment();
          nameLost(key);
        }
        default -> throw new IllegalStateException("unknown outcome " + result.outcome());
      }
      if (result.reason() != null) {
        errors.computeIfAbsent(result.reason(), r -> new LongAdder()).increment();
      }
    }

    private synchronized void nameLost(String key) {
      if (key != null && lostKeys.size() < LOST_KEYS_NAMED) {
        lostKeys.add(key);
      }
    }

    synchronized List<String> lostKeys() {
      return List.copyOf(lostKeys);
    }

    Run toRun(long elapsedNanos) {
      List<Map.Entry<String, LongAdder>> byCount = new ArrayList<>(errors.entrySet());
      byCount.sort(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum())
          .reversed().thenComparing(Map.Entry::getKey));
      Map<String, Long> sorted = new LinkedHashMap<>();
      byCount.forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
      long total = ok.sum() + failed.sum() + lost.sum();
      return new Run(total, ok.sum(), failed.sum(), lost.sum(), latency.copy(), elapsedNanos,
          Collections.unmodifiableMap(sorted), lostKeys());
    }
  }
}
