package io.kadence.bench.jmh;

import io.kadence.dht.Kademlia;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lookup state machine ({@link LookupState}, FIND_NODE, k = 20, alpha = 3) without I/O:
 * one step (seed, pick the first alpha peers, take one answer of 20 contacts), and a whole
 * lookup in a model network of {@value #NODES} nodes ranked by distance to the target, where
 * the node at rank r answers with the 20 nodes from rank r/4 on (each answer about two bits
 * closer, as a Kademlia hop). The lookup starts at ranks 2000 to 2019 and ends when ranks 0
 * to 19 have all answered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LookupStateBenchmark {
  static final int NODES = 5000;
  private static final int K = Kademlia.DEFAULT_K;
  private static final int START_RANK = 2000;

  private NodeId self;
  private NodeId target;
  private List<Contact> byRank;
  private Map<NodeId, Integer> rankOf;
  private List<Contact> initial;

  @Setup
  public void setUp() {
    Random random = new Random(9);
    self = BenchFixtures.ids(random, 1).get(0);
    target = BenchFixtures.ids(random, 1).get(0);
    byRank = new ArrayList<>(BenchFixtures.contacts(random, NODES));
    byRank.sort((a, b) -> target.compareDistance(a.id(), b.id()));
    rankOf = new HashMap<>();
    for (int rank = 0; rank < NODES; rank++) {
      rankOf.put(byRank.get(rank).id(), rank);
    }
    initial = List.copyOf(byRank.subList(START_RANK, START_RANK + K));
  }

  /** Seeding a lookup, its first requests, and one answer. */
  @Benchmark
  public List<Contact> step() {
    LookupState<Void> lookup = LookupState.findNode(target, self, K, Kademlia.DEFAULT_ALPHA, initial);
    List<Contact> asked = lookup.nextRequests();
    lookup.onResponse(asked.get(0).id(), answerOf(asked.get(0)));
    return lookup.nextRequests();
  }

  /** A whole lookup to convergence, answers in the order asked. */
  @Benchmark
  public LookupResult<Void> lookup() {
    LookupState<Void> lookup = LookupState.findNode(target, self, K, Kademlia.DEFAULT_ALPHA, initial);
    List<Contact> waiting = new ArrayList<>(lookup.nextRequests());
    for (int answers = 0; !lookup.isDone() && !waiting.isEmpty() && answers < NODES; answers++) {
      Contact from = waiting.remove(0);
      lookup.onResponse(from.id(), answerOf(from));
      waiting.addAll(lookup.nextRequests());
    }
    if (!lookup.isDone()) {
      throw new IllegalStateException("lookup did not finish");
    }
    return lookup.result();
  }

  private List<Contact> answerOf(Contact peer) {
    int from = rankOf.get(peer.id()) / 4;
    return byRank.subList(from, Math.min(NODES, from + K));
  }
}
