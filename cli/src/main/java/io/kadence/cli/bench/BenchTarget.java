package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * A system the load generator drives over HTTP: Kadence's API ({@link KadenceTarget}) or
 * OpenDHT's proxy server ({@link OpenDhtTarget}). Every future completes normally; a failure is
 * an {@link OpResult} with a reason.
 */
interface BenchTarget {
  /** {@code kadence} or {@code opendht}, as in the output. */
  String system();

  /** Puts {@code value} under {@code key} through {@code peer}; OK only if acknowledged. */
  CompletableFuture<OpResult> put(URI peer, String key, byte[] value);

  /** Gets {@code key} through {@code peer}; OK only if the value put comes back exactly. */
  CompletableFuture<OpResult> get(URI peer, RecordedKey key);

  /** Asks {@code peer} whether it is there: OK, or FAILED with why not. */
  CompletableFuture<OpResult> probe(URI peer);

  /**
   * What {@code peer} says about itself for the per-phase numbers ({@code GET /v1/node} of a
   * Kadence peer), or a future of null if the system says nothing or the peer did not answer.
   */
  CompletableFuture<JsonNode> selfReport(URI peer);
}
