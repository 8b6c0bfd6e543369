package io.kadence.bench.sim;

import io.kadence.dht.routing.RoutingTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Fills every node's {@link RoutingTable} directly from the whole population, in the state the
 * paper's join and hourly refresh aim at (Kademlia, sections 2.2-2.3): for each bucket, {@code k}
 * nodes drawn at random from all the nodes in its range go into the bucket, and up to
 * {@code cacheSize} more into its replacement cache, through the table's own
 * {@link RoutingTable#observe}. A bucket whose range holds at most {@code k} nodes is therefore
 * complete, which is the property the paper's lookup relies on.
 *
 * <p>Why not build by joining ({@link JoinBuilder}): a join is a self-lookup plus one refresh
 * lookup per bucket, about 17 lookups per node at 100,000 nodes, tens of millions of simulated
 * requests before the first measured lookup, too slow on two cores. What this leaves out:
 * joined tables prefer old contacts (a full bucket keeps its live ones), so far buckets of
 * different nodes overlap more than random samples and lookups take about half a round more
 * (measured in docs/BENCHMARKS.md); and stale entries, which the failure scenarios put back.
 *
 * <p>Each node's table depends only on the seed and the node, so the build runs in parallel and
 * is still deterministic.
 */
final class TableBuilder {
  /** Tables never refresh in the simulation: one fixed instant is all they need. */
  static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
  private static final Duration REFRESH = Duration.ofHours(1);

  private TableBuilder() {}

  /** One table per node of {@code population}, built on {@code pool}. */
  static RoutingTable[] direct(Population population, int k, int cacheSize, long seed,
      ForkJoinPool pool) {
    RoutingTable[] tables = new RoutingTable[population.size()];
    pool.submit(() -> IntStream.range(0, tables.length).parallel().forEach(node -> {
      tables[node] = build(population, node, k, cacheSize, new Random(Seeds.mix(seed, node)));
    })).join();
    return tables;
  }

  /** The table of {@code self}: bucket by bucket, each bucket a run of the sorted population. */
  static RoutingTable build(Population population, int self, int k, int cacheSize,
      Random random) {
    RoutingTable table = new RoutingTable(population.id(self), k, cacheSize, REFRESH, CLOCK);
    int[] chosen = new int[k + cacheSize];
    int lo = 0;
    int hi = population.size() - 1;
    // Invariant: [lo, hi] holds the nodes sharing at least `shared` leading bits with self.
    for (int shared = 0; lo < hi; shared++) {
      int nextLo = firstSharing(population, self, lo, self, shared + 1);
      int nextHi = lastSharing(population, self, self, hi, shared + 1);
      // The bucket of distance bit 255 - shared is the run on the side where self's bit differs.
      int from = nextLo > lo ? lo : nextHi + 1;
      int to = nextLo > lo ? nextLo - 1 : hi;
      int count = sample(from, to, chosen, random);
      for (int i = 0; i < count; i++) {
        table.observe(population.contact(chosen[i]));
      }
      lo = nextLo;
      hi = nextHi;
    }
    return table;
  }

  /**
   * Fills {@code out} with min(out.length, run size) distinct nodes of [from, to] in random
   * order (Floyd's sampling, then a shuffle so the first k are a uniform sample too).
   */
  private static int sample(int from, int to, int[] out, Random random) {
    int size = to - from + 1;
    if (size <= 0) {
      return 0;
    }
    int m = Math.min(out.length, size);
    int count = 0;
    for (int j = size - m; j < size; j++) {
      int candidate = from + random.nextInt(j + 1);
      if (contains(out, count, candidate)) {
        candidate = from + j;
      }
      out[count++] = candidate;
    }
    for (int i = count - 1; i > 0; i--) {
      int swap = random.nextInt(i + 1);
      int t = out[i];
      out[i] = out[swap];
      out[swap] = t;
    }
    return count;
  }

  private static boolean contains(int[] a, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (a[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** First position in [lo, hi] sharing at least {@code bits} leading bits with self. */
  private static int firstSharing(Population p, int self, int lo, int hi, int bits) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p.sharedBits(mid, p.id(self)) >= bits) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Last position in [lo, hi] sharing at least {@code bits} leading bits with self. */
  private static int lastSharing(Population p, int self, int lo, int hi, int bits) {
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (p.sharedBits(mid, p.id(self)) >= bits) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
