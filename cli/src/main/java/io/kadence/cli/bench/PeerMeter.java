package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures what the peers spend over a phase: messages sent, CPU seconds, and resident memory
 * at its end. Messages: for Kadence the signed envelopes the listed peers sent ({@code
 * requestsSent + repliesSent} of {@code GET /v1/node}); for OpenDHT the machine's UDP datagrams
 * ({@code /proc/net/snmp}). CPU and memory: from {@code /proc} for {@code --pids}, else from each
 * Kadence peer's {@code process} object, counting a process shared by several peers once.
 */
final class PeerMeter {
  /** Where the messages per operation came from. */
  static final String PEER_COUNTERS = "peer-counters";
  static final String UDP_SNMP = "udp-snmp";

  private final BenchTarget target;
  private final List<URI> peers;
  private final List<Long> pids;
  private final long waitMs;

  /**
   * @param pids the peers' process ids from {@code --pids}, or empty
   * @param waitMs how long to wait for the peers' self-reports
   */
  PeerMeter(BenchTarget target, List<URI> peers, List<Long> pids, long waitMs) {
    this.target = target;
    this.peers = List.copyOf(peers);
    this.pids = List.copyOf(pids);
    this.waitMs = waitMs;
  }

  /**
   * The counters at one moment.
   *
   * @param envelopes signed envelopes sent so far, by peer URL (peers that answered)
   * @param udpOut the machine's UDP datagrams sent so far, or null
   * @param cpuMs CPU ms used so far, by process id
   * @param rssBytes resident bytes now, by process id
   * @param peersPerProcess how many listed peers each process holds
   */
  record Sample(Map<URI, Long> envelopes, Long udpOut, Map<Long, Long> cpuMs,
      Map<Long, Long> rssBytes, Map<Long, Integer> peersPerProcess) {}

  /** What the peers spent between two samples. Null fields: not known. */
  record Spent(Double messagesPerOp, String messagesSource, Double cpuSeconds,
      Double rssMbPerPeer) {}

  /** Reads the counters now. */
  Sample sample() {
    Map<URI, JsonNode> reports = selfReports();
    Map<URI, Long> envelopes = new LinkedHashMap<>();
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, Long> rss = new HashMap<>();
    Map<Long, Integer> peersPerProcess = new HashMap<>();
    reports.forEach((peer, report) -> {
      envelopes.put(peer, envelopesSent(report.path("messages")));
      JsonNode process = report.path("process");
      if (pids.isEmpty() && process.has("pid")) {
        long pid = process.get("pid").asLong();
        peersPerProcess.merge(pid, 1, Integer::sum);
        putIfNumber(cpu, pid, process.path("cpuMs"));
        putIfNumber(rss, pid, process.path("rssBytes"));
      }
    });
    for (long pid : pids) {
      peersPerProcess.put(pid, 1);
      putIfPresent(cpu, pid, ProcFiles.cpuMs(pid));
      putIfPresent(rss, pid, ProcFiles.rssBytes(pid));
    }
    Long udp = target instanceof OpenDhtTarget ? ProcFiles.udpOutDatagrams() : null;
    return new Sample(envelopes, udp, cpu, rss, peersPerProcess);
  }

  /** What was spent from {@code before} to {@code after} over {@code ops} operations. */
  static Spent between(Sample before, Sample after, long ops) {
    Double messagesPerOp = null;
    String source = null;
    if (before.udpOut() != null && after.udpOut() != null) {
      source = UDP_SNMP;
      messagesPerOp = ops == 0 ? null : (after.udpOut() - before.udpOut()) / (double) ops;
    } else if (!after.envelopes().isEmpty()) {
      long sent = 0;
      boolean any = false;
      for (Map.Entry<URI, Long> peer : after.envelopes().entrySet()) {
        Long was = before.envelopes().get(peer.getKey());
        if (was != null) {
          sent += peer.getValue() - was;
          any = true;
        }
      }
      if (any) {
        source = PEER_COUNTERS;
        messagesPerOp = ops == 0 ? null : sent / (double) ops;
      }
    }
    Double cpuSeconds = null;
    for (Map.Entry<Long, Long> process : after.cpuMs().entrySet()) {
      Long was = before.cpuMs().get(process.getKey());
      if (was != null) {
        cpuSeconds = (cpuSeconds == null ? 0 : cpuSeconds) + (process.getValue() - was) / 1000.0;
      }
    }
    Double rssMb = null;
    if (!after.rssBytes().isEmpty()) {
      long bytes = 0;
      int peersCounted = 0;
      for (Map.Entry<Long, Long> process : after.rssBytes().entrySet()) {
        bytes += process.getValue();
        peersCounted += after.peersPerProcess().getOrDefault(process.getKey(), 1);
      }
      rssMb = bytes / (1024.0 * 1024.0) / peersCounted;
    }
    return new Spent(messagesPerOp, source, cpuSeconds, rssMb);
  }

  /** Signed envelopes sent, from a {@code messages} object; older peers lack the two counters. */
  static long envelopesSent(JsonNode messages) {
    if (messages.has("requestsSent") && messages.has("repliesSent")) {
      return messages.get("requestsSent").asLong() + messages.get("repliesSent").asLong();
    }
    // Before those counters: calls made, plus requests accepted and answered.
    return sum(messages.path("outboundCalls")) + sum(messages.path("inboundRequests"))
        - messages.path("handlerFailures").asLong();
  }

  private Map<URI, JsonNode> selfReports() {
    List<CompletableFuture<JsonNode>> asked = new ArrayList<>();
    for (URI peer : peers) {
      asked.add(target.selfReport(peer));
    }
    Map<URI, JsonNode> reports = new LinkedHashMap<>();
    for (int i = 0; i < peers.size(); i++) {
      try {
        JsonNode report = asked.get(i).get(waitMs, TimeUnit.MILLISECONDS);
        if (report != null) {
          reports.put(peers.get(i), report);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reports;
      } catch (Exception e) {
        // no report from this peer: its numbers are left out
      }
    }
    return reports;
  }

  private static long sum(JsonNode counters) {
    long total = 0;
    for (JsonNode count : counters) {
      total += count.asLong();
    }
    return total;
  }

  private static void putIfNumber(Map<Long, Long> map, long pid, JsonNode value) {
    if (value.isNumber()) {
      map.put(pid, value.asLong());
    }
  }

  private static void putIfPresent(Map<Long, Long> map, long pid, Long value) {
    if (value != null) {
      map.put(pid, value);
    }
  }
}
