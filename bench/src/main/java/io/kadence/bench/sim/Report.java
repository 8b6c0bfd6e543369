package io.kadence.bench.sim;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/** Prints the simulation's results as text tables or as JSON. */
final class Report {
  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void settings(SimulationSettings s) {
    NetworkModel m = s.model();
    out.printf(Locale.ROOT, "k=%d alpha=%d replication=%d read-quorum=%d put-width=%d "
            + "lookups=%d per row, "
            + "one-way delay lognormal median %.0f ms sigma %.2f, loss %.1f%%, request timeout "
            + "%.0f ms, lookup bound %.0f ms, hedge %.1f first round trips (at least %.0f ms), "
            + "give up after %.1f (at least %.0f ms), before a first answer %s, seed %d%n%n",
        s.k(), s.alpha(), s.replication(), s.readQuorum(), s.putWidth(), s.lookups(),
        m.medianMs(), m.sigma(), m.loss() * 100, m.requestTimeoutMs(), m.lookupTimeoutMs(),
        m.hedge().factor(), m.hedge().minNanos() / 1e6, m.hedge().giveUpFactor(),
        m.hedge().giveUpMinNanos() / 1e6, m.priorRoundTripMs() < 0 ? "nothing given up"
            : String.format(Locale.ROOT, "given up by a prior round trip of %.0f ms",
                m.priorRoundTripMs()),
        s.seed());
  }

  void rowHeader() {
    out.println("      N  scenario      kind        success  recall   exact  quorum   adv  "
        + "adv(truth)  domin.  rounds mean/p50/p99  queried  msgs mean/p99  latency p50/p99 ms  "
        + "cut  wall s");
  }

  void row(Summary r) {
    boolean node = r.kind().findsNodes();
    boolean adversarial = r.truthAdversaryShare() > 0;
    out.printf(Locale.ROOT,
        "%7d  %-12s  %-10s  %6.1f%%  %6s  %6s  %6s  %4s  %10s  %6s  %5.2f / %2.0f / %2.0f  %7.1f  "
            + "%6.1f / %4.0f  %7.0f / %6.0f  %4d  %6.1f%n",
        r.nodes(), r.scenario(), r.kind(), r.success() * 100,
        node ? pct(r.recall()) : "-", node ? pct(r.exact()) : "-", node ? "-" : pct(r.quorum()),
        adversarial ? pct0(r.adversaryShare()) : "-",
        adversarial ? pct0(r.truthAdversaryShare()) : "-",
        adversarial ? pct(r.dominated()) : "-",
        r.roundsMean(), r.roundsMedian(), r.roundsP99(), r.queriedMean(), r.messagesMean(),
        r.messagesP99(), r.latencyMedianMs(), r.latencyP99Ms(), r.cutOff(), r.wallSeconds());
    out.flush();
  }

  void networks(List<NetworkStats> networks, boolean joined) {
    out.println();
    out.println("Routing tables (real io.kadence.dht RoutingTable, k-buckets plus replacement caches, "
        + (joined ? "built by joining one node at a time" : "filled from the whole population")
        + "):");
    out.println("      N  build s  contacts/node  table heap MiB  table bytes/node  ids+contacts MiB");
    for (NetworkStats n : networks) {
      out.printf(Locale.ROOT, "%7d  %7.1f  %13.1f  %14.0f  %16.0f  %16.1f%n", n.nodes(),
          n.buildSeconds(), n.contactsPerNode(), n.tableHeapBytes() / 1048576.0,
          n.tableBytesPerNode(), n.populationHeapBytes() / 1048576.0);
    }
  }

  /**
   * FIND_NODE rounds of the baseline against the model of {@link RoundsModel}, and the slope of
   * mean rounds per doubling of N, fitted by least squares, against the model's.
   */
  void logCurve(List<Summary> rows, int k) {
    List<Summary> base = rows.stream()
        .filter(r -> r.scenario().equals("baseline") && r.kind() == Operation.FIND_NODE).toList();
    if (base.isEmpty()) {
      return;
    }
    out.println();
    out.println("Rounds against log N (baseline FIND_NODE; model: " + RoundsModel.FORMULA + "):");
    out.println("      N  log2 N  model  measured mean  p50  p99  queried  plain log2 N bound");
    for (Summary r : base) {
      double log2 = RoundsModel.log2(r.nodes());
      out.printf(Locale.ROOT, "%7d  %6.2f  %5.2f  %13.2f  %3.0f  %3.0f  %7.1f  %18.0f%n", r.nodes(),
          log2, RoundsModel.expected(r.nodes(), k), r.roundsMean(), r.roundsMedian(),
          r.roundsP99(), r.queriedMean(), Math.ceil(log2));
    }
    if (base.size() >= 2) {
      out.printf(Locale.ROOT, "mean rounds per doubling of N: measured %.3f, model %.3f%n",
          RoundsModel.fittedSlope(base), RoundsModel.slope(k));
    }
  }

  /** Everything as one JSON object: settings, networks, rows. */
  void json(SimulationSettings settings, List<NetworkStats> networks, List<Summary> rows) {
    StringBuilder b = new StringBuilder("{\n  \"settings\": ");
    record(b, settings);
    b.append(",\n  \"networks\": [");
    for (int i = 0; i < networks.size(); i++) {
      b.append(i == 0 ? "\n    " : ",\n    ");
      record(b, networks.get(i));
    }
    b.append("\n  ],\n  \"rows\": [");
    for (int i = 0; i < rows.size(); i++) {
      b.append(i == 0 ? "\n    " : ",\n    ");
      record(b, rows.get(i));
    }
    b.append("\n  ]\n}");
    out.println(b);
  }

  private static void record(StringBuilder b, Record r) {
    b.append('{');
    RecordComponent[] components = r.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      Object value;
      try {
        value = components[i].getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      b.append(i == 0 ? "" : ", ").append('"').append(components[i].getName()).append("\": ");
      if (value instanceof Record nested) {
        record(b, nested);
      } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
        b.append("null");
      } else if (value instanceof Number || value instanceof Boolean) {
        b.append(value);
      } else {
        b.append('"').append(String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\""))
            .append('"');
      }
    }
    b.append('}');
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String pct0(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
