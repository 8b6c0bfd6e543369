package io.kadence.bench.sim;

import io.kadence.dht.routing.ReplicaSets;

/**
 * The protocol parameters and the network model of one simulation run, read once from the
 * command line. Defaults are the node's ({@code reference.conf}: k = 20, replacement cache 10,
 * alpha = 3, replication 5, write quorum 3, request timeout 2 s, lookup timeout 20 s).
 *
 * @param k bucket size and lookup width
 * @param cacheSize replacement cache per bucket (filled, so that memory is what a peer holds)
 * @param alpha requests in flight per lookup
 * @param replication copies of a record: its replica set is this many closest nodes
 * @param writeQuorum replicas that acknowledge a put; with replication it gives the read quorum
 * @param putWidth closest peers a put's FIND_NODE converges on (at most k), at least replication
 * @param lookups lookups per scenario and kind (FIND_NODE and FIND_VALUE each)
 * @param model latency, loss and timeouts
 * @param seed the run's seed: the same seed gives the same tables, roles, keys and results
 * @param threads worker threads for table building and lookups (results do not depend on it)
 */
record SimulationSettings(int k, int cacheSize, int alpha, int replication, int writeQuorum,
    int putWidth, int lookups, NetworkModel model, long seed, int threads) {

  SimulationSettings {
    if (k < 1 || cacheSize < 0 || alpha < 1 || lookups < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "need k >= 1, cache >= 0, alpha >= 1, lookups >= 1, threads >= 1: " + this);
    }
    ReplicaSets.readQuorum(replication, writeQuorum); // validates both
    if (putWidth < replication) {
      throw new IllegalArgumentException("--put-width must be at least --replication: " + this);
    }
  }

  /** Values a FIND_VALUE waits for before it stops (the node's get rule). */
  int readQuorum() {
    return ReplicaSets.readQuorum(replication, writeQuorum);
  }
}
