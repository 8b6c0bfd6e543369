package io.kadence.bench.jmh;

import io.kadence.dht.Kademlia;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.RoutingTable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing table's hot paths: the k closest contacts to a target ({@link RoutingTable#closest},
 * asked for every lookup and every FIND_NODE or FIND_VALUE served), observing a contact (every
 * verified message), and creating an empty table (once per peer, or per simulated node).
 * {@code heard} is how many random nodes the table was offered (k = 20, cache 10): with 200 it
 * holds about 200 contacts, with 5,000 about 160 of the offered plus full caches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RoutingTableBenchmark {
  private static final int TARGETS = 1024;

  @Param({"200", "5000"})
  public int heard;

  private final Clock clock = Clock.systemUTC();
  private NodeId self;
  private RoutingTable table;
  private List<NodeId> targets;
  private List<Contact> known;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(5);
    self = BenchFixtures.ids(random, 1).get(0);
    table = newTable();
    known = BenchFixtures.contacts(random, heard);
    known.forEach(table::observe);
    targets = BenchFixtures.ids(random, TARGETS);
  }

  /** The 20 contacts closest to a random target. */
  @Benchmark
  public List<Contact> closest() {
    return table.closest(targets.get(next++ & (TARGETS - 1)), Kademlia.DEFAULT_K);
  }

  /** A contact already heard of proves alive again: the most common observation. */
  @Benchmark
  public Object observeKnown() {
    return table.observe(known.get(next++ % known.size()));
  }

  /** An empty table, as every peer (and every simulated node) starts with. */
  @Benchmark
  public RoutingTable create() {
    return newTable();
  }

  private RoutingTable newTable() {
    return new RoutingTable(self, Kademlia.DEFAULT_K, Kademlia.DEFAULT_REPLACEMENT_CACHE,
        Duration.ofHours(1), clock);
  }
}
