package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kadence.cli.client.Json;
import io.kadence.cli.format.Table;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link Bench.Report}: a table for people, or one JSON object for scripts. */
public final class BenchReport {
  private BenchReport() {}

  /** The run as one JSON object (the shape is in docs/CLI.md). */
  public static ObjectNode json(Bench.Report report) {
    ObjectNode root = Json.object();
    root.put("system", report.system());
    root.put("peers", report.peers());
    root.put("keys", report.keys());
    root.put("valueSize", report.valueSize());
    root.put("seed", report.seed());
    root.put("stateKeys", report.stateKeysBefore());
    ArrayNode phases = root.putArray("phases");
    for (PhaseResult p : report.phases()) {
      ObjectNode phase = phases.addObject();
      phase.put("name", p.name());
      phase.put("inflight", p.inflight());
      phase.put("ops", p.ops());
      phase.put("ok", p.ok());
      phase.put("failed", p.failed());
      phase.put("lost", p.lost());
      phase.put("successRate", p.successRate());
      phase.put("p50Ms", p.p50Ms());
      phase.put("p95Ms", p.p95Ms());
      phase.put("p99Ms", p.p99Ms());
      phase.put("maxMs", p.maxMs());
      phase.put("opsPerSec", round(p.opsPerSec()));
      phase.put("elapsedMs", p.elapsedMs());
      phase.put("messagesPerOp", p.messagesPerOp() == null ? null : round(p.messagesPerOp()));
      phase.put("messagesSource", p.messagesSource());
      phase.put("peerCpuSeconds", p.peerCpuSeconds() == null ? null : round(p.peerCpuSeconds()));
      phase.put("rssMbPerPeer", p.rssMbPerPeer() == null ? null : round(p.rssMbPerPeer()));
      ObjectNode errors = phase.putObject("errors");
      p.errors().forEach(errors::put);
      ArrayNode lostKeys = phase.putArray("lostKeys");
      p.lostKeys().forEach(lostKeys::add);
    }
    return root;
  }

  /** The run as a table with a row per phase, and the reasons operations were not ok. */
  public static void print(Bench.Report report, PrintWriter out) {
    out.printf("%s: %d peers, %d-byte values, seed %d%s%n", report.system(), report.peers(),
        report.valueSize(), report.seed(), report.stateKeysBefore() == 0 ? ""
            : ", " + report.stateKeysBefore() + " keys from the state file");
    Table table = new Table("PHASE", "INFLIGHT", "OPS", "OK %", "LOST", "P50 MS", "P95 MS",
        "P99 MS", "MAX MS", "OPS/S", "MSGS/OP", "PEER CPU S", "RSS MB/PEER");
    for (PhaseResult p : report.phases()) {
      table.row(p.name(), p.inflight(), p.ops(),
          p.successRate() == null ? "-" : fixed(p.successRate() * 100, 1), p.lost(),
          fixed(p.p50Ms(), 1), fixed(p.p95Ms(), 1), fixed(p.p99Ms(), 1), fixed(p.maxMs(), 1),
          fixed(p.opsPerSec(), 1), fixed(p.messagesPerOp(), 1), fixed(p.peerCpuSeconds(), 2),
          fixed(p.rssMbPerPeer(), 0));
    }
    table.print(out);
    for (PhaseResult p : report.phases()) {
      if (!p.errors().isEmpty()) {
        out.printf("%s: %d failed, %d lost: %s%n", p.name(), p.failed(), p.lost(),
            p.errors().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
      }
      if (!p.lostKeys().isEmpty()) {
        out.printf("%s: lost keys%s: %s%n", p.name(),
            p.lost() > p.lostKeys().size() ? " (the first " + p.lostKeys().size() + ")" : "",
            String.join(", ", p.lostKeys()));
      }
    }
    String source = report.phases().stream().map(PhaseResult::messagesSource)
        .filter(s -> s != null).findFirst().orElse(null);
    if (PeerMeter.PEER_COUNTERS.equals(source)) {
      out.println("msgs/op: signed envelopes the listed peers sent (requests + replies, "
          + "background traffic included) per operation");
    } else if (PeerMeter.UDP_SNMP.equals(source)) {
      out.println("msgs/op: UDP datagrams this machine sent per operation (/proc/net/snmp); "
          + "valid only when the peers are local and nothing else sends UDP");
    }
    out.flush();
  }

  private static String fixed(Double value, int decimals) {
    return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
