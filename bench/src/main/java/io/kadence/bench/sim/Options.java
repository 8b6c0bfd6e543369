package io.kadence.bench.sim;

import io.kadence.dht.lookup.LookupHedge;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/simulate}, parsed with a clear message for bad input. A
 * dozen flat options do not need a parsing library (and the bench module has none but JMH).
 */
final class Options {
  static final String USAGE = """
      Usage: bench/simulate [options]
      Simulates a Kademlia network on the dht core (real RoutingTable and LookupState, no Pekko)
      and prints rounds, messages, latency and success of random lookups. See docs/BENCHMARKS.md.

        --nodes LIST          network sizes for the baseline            (1000,2000,5000,10000,20000,50000,100000)
        --fault-nodes LIST    sizes that also run the failed and adversarial scenarios
                              (10000,100000; with --nodes alone: the same as --nodes; none: no fault runs)
        --failed SHARE        share of nodes crashed without notice, 0 = skip         (0.2)
        --adversarial SHARE   share of adversaries answering with their colluders, 0 = skip  (0.2)
        --fabricating SHARE   share of adversaries answering with invented contacts, 0 = skip (0.2)
        --lookups N           lookups per scenario, FIND_NODE and FIND_VALUE each     (2000)
        --k N                 bucket size and lookup width                            (20)
        --alpha N             requests in flight per lookup                           (3)
        --replication N       replica set size                                        (5)
        --write-quorum N      replicas per put; gets wait for max(W, R-W+1) values    (3)
        --put-width N         closest peers a put's FIND_NODE converges on (at most k)  (10)
        --latency-ms MS       median one-way delay, lognormal                         (25)
        --latency-sigma S     sigma of the delay's logarithm                          (0.5)
        --loss P              probability that a message is lost                      (0.01)
        --timeout-ms MS       per-request timeout                                     (2000)
        --lookup-timeout-ms MS  bound on one lookup                                   (20000)
        --hedge-factor F      a request is slow after F first round trips of its lookup (2)
        --hedge-min-ms MS     and never sooner than this                              (20)
        --give-up-factor F    a request counts as timed out after F first round trips (10)
        --give-up-min-ms MS   and never sooner than this                              (500)
        --prior-rtt-ms MS     round trip by which a lookup gives requests up before its first
                              answer, as a node's estimate from earlier lookups; none: no
                              give-up before it                    (twice --latency-ms: 50)
        --build HOW           direct: fill tables from the whole population; join: nodes join
                              one by one (bootstrap, self-lookup, refresh; slow past 20,000)  (direct)
        --seed N              seed of everything: same seed, same results             (1)
        --threads N           worker threads; results do not depend on it  (available processors)
        --json                print the results as JSON instead of tables
        --help                this text
      """;

  List<Integer> nodes = List.of(1000, 2000, 5000, 10000, 20000, 50000, 100000);
  List<Integer> faultNodes = List.of(10000, 100000);
  double failed = 0.2;
  double adversarial = 0.2;
  double fabricating = 0.2;
  int lookups = 2000;
  int k = 20;
  int alpha = 3;
  int replication = 5;
  int writeQuorum = 3;
  int putWidth = 10;
  double latencyMs = 25;
  double latencySigma = 0.5;
  double loss = 0.01;
  double timeoutMs = 2000;
  double lookupTimeoutMs = 20000;
  double hedgeFactor = 2;
  double hedgeMinMs = 20;
  double giveUpFactor = 10;
  double giveUpMinMs = 500;
  /** Negative: twice the median one-way delay; NaN: none. */
  double priorRttMs = -1;
  long seed = 1;
  int threads = Runtime.getRuntime().availableProcessors();
  boolean join;
  boolean json;
  boolean help;

  /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
  static Options parse(String[] args) {
    Options o = new Options();
    boolean nodesGiven = false;
    boolean faultNodesGiven = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--json")) {
        o.json = true;
        continue;
      }
      if (name.equals("--help") || name.equals("-h")) {
        o.help = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--nodes" -> {
          o.nodes = sizes(name, value);
          nodesGiven = true;
        }
        case "--fault-nodes" -> {
          o.faultNodes = value.equals("none") ? List.of() : sizes(name, value);
          faultNodesGiven = true;
        }
        case "--failed" -> o.failed = share(name, value);
        case "--adversarial" -> o.adversarial = share(name, value);
        case "--fabricating" -> o.fabricating = share(name, value);
        case "--lookups" -> o.lookups = positive(name, value);
        case "--k" -> o.k = positive(name, value);
        case "--alpha" -> o.alpha = positive(name, value);
        case "--replication" -> o.replication = positive(name, value);
        case "--write-quorum" -> o.writeQuorum = positive(name, value);
        case "--put-width" -> o.putWidth = positive(name, value);
        case "--latency-ms" -> o.latencyMs = number(name, value);
        case "--latency-sigma" -> o.latencySigma = number(name, value);
        case "--loss" -> o.loss = share(name, value);
        case "--timeout-ms" -> o.timeoutMs = number(name, value);
        case "--lookup-timeout-ms" -> o.lookupTimeoutMs = number(name, value);
        case "--hedge-factor" -> o.hedgeFactor = number(name, value);
        case "--hedge-min-ms" -> o.hedgeMinMs = number(name, value);
        case "--give-up-factor" -> o.giveUpFactor = number(name, value);
        case "--give-up-min-ms" -> o.giveUpMinMs = number(name, value);
        case "--prior-rtt-ms" -> o.priorRttMs = value.equals("none") ? Double.NaN
            : number(name, value);
        case "--seed" -> o.seed = integer(name, value);
        case "--build" -> o.join = switch (value) {
          case "direct" -> false;
          case "join" -> true;
          default -> throw new IllegalArgumentException("--build is direct or join, got " + value);
        };
        case "--threads" -> o.threads = positive(name, value);
        default -> throw new IllegalArgumentException("unknown option: " + name);
      }
    }
    if (nodesGiven && !faultNodesGiven) {
      o.faultNodes = o.nodes;
    }
    return o;
  }

  SimulationSettings settings() {
    NetworkModel model = new NetworkModel(latencyMs, latencySigma, loss, timeoutMs,
        lookupTimeoutMs, new LookupHedge(hedgeFactor, Math.round(hedgeMinMs * 1e6),
            giveUpFactor, Math.round(giveUpMinMs * 1e6)),
        Double.isNaN(priorRttMs) ? -1 : priorRttMs < 0 ? 2 * latencyMs : priorRttMs);
    return new SimulationSettings(k, 10, alpha, replication, writeQuorum, putWidth, lookups,
        model, seed, threads);
  }

  private static List<Integer> sizes(String name, String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",")) {
      int n = positive(name, part.trim());
      if (n < 2) {
        throw new IllegalArgumentException(name + ": a network needs at least 2 nodes: " + n);
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  private static int positive(String name, String value) {
    long v = integer(name, value);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be a positive integer, got " + value);
    }
    return (int) v;
  }

  private static long integer(String name, String value) {
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs an integer, got " + value);
    }
  }

  private static double number(String name, String value) {
    try {
      double v = Double.parseDouble(value);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a non-negative number, got " + value);
    }
  }

  private static double share(String name, String value) {
    double v = number(name, value);
    if (v >= 1 || (v > 0.9 && !name.equals("--loss"))) {
      throw new IllegalArgumentException(name + " must be a share from 0 to 0.9 (loss: below 1), got " + value);
    }
    return v;
  }
}
