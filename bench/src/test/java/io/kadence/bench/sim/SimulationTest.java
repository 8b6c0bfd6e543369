package io.kadence.bench.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupHedge;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.routing.RoutingTable;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulation at 500 nodes: what it measures must hold where it can be checked by brute
 * force (Kademlia, section 2.3: with no faults a lookup finds exactly the k closest nodes), and
 * the same seed must give the same lookups whatever the thread count.
 */
class SimulationTest {
  private static final int NODES = 500;
  private static final int K = 20;
  private static final int LOOKUPS = 150;

  private final ForkJoinPool pool = new ForkJoinPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void lookup_shouldFindExactlyTheTrueKClosestWhenNoNodeFailsAndNoMessageIsLost() {
    SimulationSettings settings = settings(0, 2);
    Network network = network(settings, 11);
    ScenarioRunner runner = new ScenarioRunner(settings, pool);
    for (LookupSample s : runner.run(network, Scenario.baseline(), Operation.FIND_NODE)) {
      assertTrue(s.success());
      assertEquals(1.0, s.recall());
      assertEquals(LookupOutcome.CONVERGED, s.outcome());
      assertEquals(2 * s.queried(), s.messages(), "every request answered, nothing lost");
      assertTrue(s.latencyMs() < settings.model().requestTimeoutMs(), "no timeout was waited");
    }
    for (LookupSample s : runner.run(network, Scenario.baseline(), Operation.FIND_VALUE)) {
      assertTrue(s.success() && s.quorum(), "the replica set holds the value: " + s);
      assertEquals(LookupOutcome.VALUE_QUORUM, s.outcome());
    }
  }

  @Test
  void lookup_shouldStillFindTheClosestLiveNodeWhenTwentyPercentFailedWithoutNotice() {
    SimulationSettings settings = settings(0, 2);
    ScenarioRunner runner = new ScenarioRunner(settings, pool);
    Network network = runner.assignRoles(network(settings, 12), Scenario.failed(0.2));
    assertEquals(NODES / 5, Arrays.stream(roles(network)).filter(r -> r == Role.FAILED).count());
    Summary findNode = Summary.of("failed", NODES, Operation.FIND_NODE,
        runner.run(network, Scenario.failed(0.2), Operation.FIND_NODE), 0);
    assertTrue(findNode.success() >= 0.95, "closest live node found: " + findNode.success());
    assertTrue(findNode.recall() >= 0.9, "share of the true k closest: " + findNode.recall());
    assertTrue(findNode.latencyP99Ms() >= settings.model().requestTimeoutMs(),
        "failed nodes were queried and timed out");
    Summary findValue = Summary.of("failed", NODES, Operation.FIND_VALUE,
        runner.run(network, Scenario.failed(0.2), Operation.FIND_VALUE), 0);
    assertTrue(findValue.success() >= 0.95, "value found: " + findValue.success());
  }

  @Test
  void putLookup_shouldFindTheReplicaSetAskingFewerPeersThanAFindNode() {
    SimulationSettings settings = settings(0, 2);
    ScenarioRunner runner = new ScenarioRunner(settings, pool);
    Network network = network(settings, 15);
    Summary findNode = Summary.of("baseline", NODES, Operation.FIND_NODE,
        runner.run(network, Scenario.baseline(), Operation.FIND_NODE), 0);
    Summary put = Summary.of("baseline", NODES, Operation.PUT,
        runner.run(network, Scenario.baseline(), Operation.PUT), 0);
    assertEquals(1.0, put.exact(), "every put found its exact replica set");
    assertTrue(put.queriedMean() < 0.75 * findNode.queriedMean(),
        "put " + put.queriedMean() + " peers asked, FIND_NODE " + findNode.queriedMean());
    Network failed = runner.assignRoles(network, Scenario.failed(0.2));
    Summary putFailed = Summary.of("failed", NODES, Operation.PUT,
        runner.run(failed, Scenario.failed(0.2), Operation.PUT), 0);
    assertTrue(putFailed.recall() >= 0.95, "share of the replica set: " + putFailed.recall());
  }

  @Test
  void lookup_shouldRankColludersByTheirTrueDistanceWhenTheyHideHonestNodes() {
    SimulationSettings settings = settings(0, 2);
    ScenarioRunner runner = new ScenarioRunner(settings, pool);
    Scenario scenario = Scenario.adversarial(0.2);
    Network network = runner.assignRoles(network(settings, 13), scenario);
    Summary s = Summary.of("collude", NODES, Operation.FIND_NODE,
        runner.run(network, scenario, Operation.FIND_NODE), 0);
    // Colluders name only real colluders, so the k closest still rank by true distance.
    assertTrue(s.recall() >= 0.9, "share of the true k closest: " + s.recall());
    assertTrue(s.truthAdversaryShare() > 0.1, "adversaries are among the true closest");
  }

  @Test
  void run_shouldGiveTheSameLookupsForTheSameSeedWhateverTheThreadCount() {
    SimulationSettings one = settings(0.01, 1);
    SimulationSettings two = settings(0.01, 2);
    Scenario scenario = Scenario.failed(0.2);
    ForkJoinPool single = new ForkJoinPool(1);
    try {
      ScenarioRunner a = new ScenarioRunner(one, single);
      ScenarioRunner b = new ScenarioRunner(two, pool);
      Network na = a.assignRoles(network(one, 14), scenario);
      Network nb = b.assignRoles(network(two, 14), scenario);
      assertArrayEquals(roles(na), roles(nb));
      for (Operation kind : Operation.values()) {
        assertArrayEquals(a.run(na, scenario, kind), b.run(nb, scenario, kind), kind.name());
      }
      SimulationSettings other = new SimulationSettings(K, 10, 3, 5, 3, 10, LOOKUPS, one.model(),
          one.seed() + 1, 1);
      ScenarioRunner c = new ScenarioRunner(other, single);
      Network nc = c.assignRoles(network(other, 14), scenario);
      assertNotEquals(Arrays.asList(a.run(na, scenario, Operation.FIND_NODE)),
          Arrays.asList(c.run(nc, scenario, Operation.FIND_NODE)), "another seed, other lookups");
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void direct_shouldFillEachBucketWithMinOfKAndTheNodesInItsRange() {
    Population population = Population.random(NODES, new Random(15));
    RoutingTable[] tables = TableBuilder.direct(population, K, 10, 16, pool);
    for (int node = 0; node < NODES; node += 7) {
      int[] inRange = new int[256];
      for (int other = 0; other < NODES; other++) {
        if (other != node) {
          inRange[population.id(node).bucketIndex(population.id(other))]++;
        }
      }
      for (int b = 0; b < 256; b++) {
        assertEquals(Math.min(K, inRange[b]), tables[node].bucketSnapshot(b).contacts().size(),
            "node " + node + " bucket " + b);
        assertEquals(Math.min(10, Math.max(0, inRange[b] - K)),
            tables[node].bucketSnapshot(b).cache().size(), "cache of bucket " + b);
      }
    }
  }

  @Test
  void join_shouldBuildTablesOnWhichEveryLookupFindsTheTrueKClosest() {
    SimulationSettings settings = settings(0, 2);
    Population population = Population.random(300, new Random(19));
    RoutingTable[] tables = JoinBuilder.join(population, K, 10, 3, 20);
    Network network = new Network(population, tables, K, Network.allHonest(300));
    for (int node = 0; node < 300; node++) {
      assertTrue(tables[node].size() >= K, "node " + node + " knows " + tables[node].size());
    }
    ScenarioRunner runner = new ScenarioRunner(settings, pool);
    for (LookupSample s : runner.run(network, Scenario.baseline(), Operation.FIND_NODE)) {
      assertEquals(1.0, s.recall(), "share of the true k closest found");
    }
  }

  @Test
  void closest_shouldMatchBruteForceWhenSkippingTheAskingNode() {
    Population population = Population.random(NODES, new Random(17));
    XorIndex everyOther = new XorIndex(population, node -> node % 2 == 0);
    Random random = new Random(18);
    for (int i = 0; i < 200; i++) {
      NodeId target = random.nextBoolean()
          ? NodeId.random(random) : population.id(2 * random.nextInt(NODES / 2));
      int skip = 2 * random.nextInt(NODES / 2);
      int[] expected = IntStream.range(0, NODES)
          .filter(n -> n % 2 == 0 && n != skip).boxed()
          .sorted((x, y) -> target.compareDistance(population.id(x), population.id(y)))
          .limit(K).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, everyOther.closest(target, K, skip), "target " + i);
    }
  }

  private SimulationSettings settings(double loss, int threads) {
    return new SimulationSettings(K, 10, 3, 5, 3, 10, LOOKUPS,
        new NetworkModel(25, 0.5, loss, 2000, 20000,
            new LookupHedge(2, 20_000_000, 10, 500_000_000), 50), 42, threads);
  }

  private Network network(SimulationSettings settings, long seed) {
    Population population = Population.random(NODES, new Random(Seeds.mix(settings.seed(), seed)));
    RoutingTable[] tables = TableBuilder.direct(population, K, settings.cacheSize(),
        Seeds.mix(settings.seed(), seed, 1), pool);
    return new Network(population, tables, K, Network.allHonest(NODES));
  }

  private static Role[] roles(Network network) {
    Role[] roles = new Role[network.size()];
    for (int i = 0; i < roles.length; i++) {
      roles[i] = network.role(i);
    }
    return roles;
  }
}
