package io.kadence.bench.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.routing.Contact;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs one {@link Scenario} on a built network: assigns the roles, then runs the lookups for
 * random keys, FIND_NODE and FIND_VALUE, from random honest nodes, and judges each against the
 * brute-force truth. Every lookup has its own seed, so results do not depend on threads.
 */
final class ScenarioRunner {
  private final SimulationSettings settings;
  private final ForkJoinPool pool;

  ScenarioRunner(SimulationSettings settings, ForkJoinPool pool) {
    this.settings = settings;
    this.pool = pool;
  }

  /** The network of {@code base} with the roles of {@code scenario}, drawn from the seed. */
  Network assignRoles(Network base, Scenario scenario) {
    int n = base.size();
    Role[] roles = Network.allHonest(n);
    int failed = (int) Math.round(scenario.failed() * n);
    int adversarial = (int) Math.round(scenario.adversarial() * n);
    int[] order = IntStream.range(0, n).toArray();
    Random random = new Random(Seeds.mix(settings.seed(), n, scenario.stream(), -1));
    for (int i = 0; i < failed + adversarial; i++) { // partial Fisher-Yates
      int swap = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[swap];
      order[swap] = t;
      roles[order[i]] = i < failed ? Role.FAILED : scenario.adversaryRole();
    }
    return base.withRoles(roles);
  }

  /** Every lookup of {@code scenario} on {@code network} (roles already assigned). */
  LookupSample[] run(Network network, Scenario scenario, Operation kind) {
    int lookups = settings.lookups();
    LookupSample[] samples = new LookupSample[lookups];
    pool.submit(() -> IntStream.range(0, lookups).parallel().forEach(i -> {
      Random random = new Random(
          Seeds.mix(settings.seed(), network.size(), scenario.stream(), kind.stream, i));
      samples[i] = lookup(network, kind, random);
    })).join();
    return samples;
  }

  /** One lookup of a random key from a random honest node, judged. */
  LookupSample lookup(Network network, Operation kind, Random random) {
    NodeId target = NodeId.random(random);
    XorIndex honest = network.honest();
    int k = network.k();
    Set<Integer> replicas = new HashSet<>();
    int initiator = honest.member(random.nextInt(honest.size()));
    if (kind == Operation.FIND_VALUE) {
      // The record was put on its replica set before any failure; gets come from elsewhere.
      for (int node : network.all().closest(target, settings.replication(), -1)) {
        replicas.add(node);
      }
      for (int tries = 0; replicas.contains(initiator) && tries < 1000; tries++) {
        initiator = honest.member(random.nextInt(honest.size()));
      }
    }
    NodeId self = network.population().id(initiator);
    List<Contact> initial = network.table(initiator).closest(target, k);
    LookupState<String> state = switch (kind) {
      case FIND_NODE -> LookupState.findNode(target, self, k, settings.alpha(), initial);
      case PUT -> LookupState.findNode(target, self, Math.min(settings.putWidth(), k),
          settings.alpha(), initial);
      case FIND_VALUE -> LookupState.findValue(target, self, k, settings.alpha(),
          settings.readQuorum(), settings.replication(), initial);
    };
    LookupDriver.Outcome outcome =
        LookupDriver.run(network, settings.model(), state, replicas::contains, random);
    return judge(network, kind, initiator, outcome);
  }

  private LookupSample judge(Network network, Operation kind, int initiator,
      LookupDriver.Outcome outcome) {
    LookupResult<String> result = outcome.result();
    NodeId target = result.target();
    Population population = network.population();
    // A put's replica set is the replication closest it found; a FIND_NODE's result is all k.
    int judged = kind == Operation.PUT ? settings.replication() : network.k();
    int[] found = result.closest().stream().limit(judged)
        .mapToInt(c -> population.indexOf(c.id())).toArray();
    int[] truth = network.answering().closest(target, judged, initiator);
    int[] closestHonest = network.honest().closest(target, 1, initiator);
    int adversaries = 0;
    for (int node : found) {
      if (network.role(node).adversarial()) {
        adversaries++;
      }
    }
    int truthAdversaries = 0;
    for (int node : truth) {
      if (network.role(node).adversarial()) {
        truthAdversaries++;
      }
    }
    boolean success;
    double recall = Double.NaN;
    if (kind.findsNodes()) {
      success = closestHonest.length > 0 && contains(found, closestHonest[0]);
      int hits = 0;
      for (int node : truth) {
        if (contains(found, node)) {
          hits++;
        }
      }
      recall = truth.length == 0 ? 1 : (double) hits / truth.length;
    } else {
      success = !result.values().isEmpty();
    }
    return new LookupSample(kind, success, result.outcome() == LookupOutcome.VALUE_QUORUM,
        recall, found.length == 0 ? 0 : (double) adversaries / found.length,
        truth.length == 0 ? 0 : (double) truthAdversaries / truth.length,
        adversaries * 2 > found.length, result.rounds(), result.queried(), outcome.messages(),
        outcome.latencyMs(), result.outcome(), outcome.cutOff());
  }

  private static boolean contains(int[] nodes, int node) {
    return Arrays.stream(nodes).anyMatch(n -> n == node);
  }
}
