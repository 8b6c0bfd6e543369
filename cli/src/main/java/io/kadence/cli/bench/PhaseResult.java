package io.kadence.cli.bench;

import java.util.Map;

/**
 * The numbers of one phase, as the table and {@code --json} print them (docs/CLI.md). Latencies
 * are of every operation, failed ones included (a timed-out one counts its timeout); null where
 * there were no operations or the number is not known.
 *
 * @param errors the operations that were not ok, by reason, most frequent first
 */
public record PhaseResult(String name, int inflight, long ops, long ok, long failed, long lost,
    Double successRate, Double p50Ms, Double p95Ms, Double p99Ms, Double maxMs,
    double opsPerSec, long elapsedMs, Double messagesPerOp, String messagesSource,
    Double peerCpuSeconds, Double rssMbPerPeer, Map<String, Long> errors,
    java.util.List<String> lostKeys) {
  /** Keeps immutable copies of the errors, in their order, and of the lost keys. */
  public PhaseResult {
    errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    lostKeys = java.util.List.copyOf(lostKeys);
  }
}
