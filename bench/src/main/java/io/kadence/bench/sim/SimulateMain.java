package io.kadence.bench.sim;

import io.kadence.dht.routing.RoutingTable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code bench/simulate}: the large simulated network of docs/BENCHMARKS.md. For each network
 * size it draws the ids, fills every node's routing table ({@link TableBuilder}), measures the
 * heap the tables hold, then runs each scenario's lookups ({@link ScenarioRunner}) and prints one
 * row per scenario and lookup kind, then the memory table and the log N comparison. Progress
 * goes to stderr, results to stdout.
 */
public final class SimulateMain {
  private SimulateMain() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      System.err.println("Try bench/simulate --help");
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.print(Options.USAGE);
      return;
    }
    SimulationSettings settings;
    try {
      settings = options.settings();
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      System.exit(2);
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      run(options, settings, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void run(Options options, SimulationSettings settings, ForkJoinPool pool) {
    Report report = new Report(System.out);
    ScenarioRunner runner = new ScenarioRunner(settings, pool);
    List<NetworkStats> networks = new ArrayList<>();
    List<Summary> rows = new ArrayList<>();
    TreeSet<Integer> sizes = new TreeSet<>(options.nodes);
    sizes.addAll(options.faultNodes);
    if (!options.json) {
      report.settings(settings);
      report.rowHeader();
    }
    for (int n : sizes) {
      long start = System.nanoTime();
      progress("%d nodes: drawing ids and %s routing tables", n,
          options.join ? "joining nodes one by one to fill" : "filling");
      long heapEmpty = usedHeapAfterGc();
      Population population = Population.random(n, new Random(Seeds.mix(settings.seed(), n)));
      long heapPopulation = usedHeapAfterGc();
      RoutingTable[] tables = options.join
          ? JoinBuilder.join(population, settings.k(), settings.cacheSize(), settings.alpha(),
              Seeds.mix(settings.seed(), n, 2))
          : TableBuilder.direct(population, settings.k(), settings.cacheSize(),
              Seeds.mix(settings.seed(), n, 1), pool);
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      long heapTables = usedHeapAfterGc();
      long contacts = 0;
      for (RoutingTable table : tables) {
        contacts += table.size();
      }
      networks.add(new NetworkStats(n, buildSeconds, (double) contacts / n,
          heapTables - heapPopulation, heapPopulation - heapEmpty));
      progress("%d nodes: built in %.1f s, tables hold %d MiB", n, buildSeconds,
          (heapTables - heapPopulation) >> 20);
      Network base = new Network(population, tables, settings.k(), Network.allHonest(n));
      for (Scenario scenario : scenarios(options, n)) {
        Network network = runner.assignRoles(base, scenario);
        for (Operation kind : Operation.values()) {
          progress("%d nodes: %s, %d %s lookups", n, scenario.name(), settings.lookups(), kind);
          long t = System.nanoTime();
          LookupSample[] samples = runner.run(network, scenario, kind);
          Summary row = Summary.of(scenario.name(), n, kind, samples, (System.nanoTime() - t) / 1e9);
          rows.add(row);
          if (!options.json) {
            report.row(row);
          }
        }
      }
    }
    if (options.json) {
      report.json(settings, networks, rows);
    } else {
      report.networks(networks, options.join);
      report.logCurve(rows, settings.k());
    }
  }

  private static List<Scenario> scenarios(Options options, int n) {
    List<Scenario> out = new ArrayList<>();
    if (options.nodes.contains(n)) {
      out.add(Scenario.baseline());
    }
    if (options.faultNodes.contains(n)) {
      if (options.failed > 0) {
        out.add(Scenario.failed(options.failed));
      }
      if (options.adversarial > 0) {
        out.add(Scenario.adversarial(options.adversarial));
      }
      if (options.fabricating > 0) {
        out.add(Scenario.fabricating(options.fabricating));
      }
    }
    return out;
  }

  /** Heap in use after a full collection: what live objects hold. */
  private static long usedHeapAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void progress(String format, Object... args) {
    System.err.printf("simulate: " + format + "%n", args);
  }
}
