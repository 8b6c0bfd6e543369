package io.kadence.bench.sim;

import io.kadence.dht.lookup.LookupKind;

/**
 * What a simulated lookup is for, as the node runs it: a FIND_NODE that converges on the k
 * closest (the HTTP API's and the CLI's lookups), a put's FIND_NODE that converges on the
 * put width (at most k) and is judged on the replica set it finds, or a get's FIND_VALUE.
 */
enum Operation {
  FIND_NODE(LookupKind.FIND_NODE, 0),
  PUT(LookupKind.FIND_NODE, 2),
  FIND_VALUE(LookupKind.FIND_VALUE, 1);

  /** The lookup the state machine runs. */
  final LookupKind kind;
  /**
   * The operation's part of each lookup's seed; FIND_NODE and FIND_VALUE keep those they had
   * before puts were simulated, so earlier published rows still come out the same.
   */
  final int stream;

  Operation(LookupKind kind, int stream) {
    this.kind = kind;
    this.stream = stream;
  }

  /** Whether the result is judged by the closest it found (recall, exact). */
  boolean findsNodes() {
    return kind == LookupKind.FIND_NODE;
  }
}
