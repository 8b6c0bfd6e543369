package io.kadence.bench.sim;

/**
 * What building one network cost.
 *
 * @param nodes network size
 * @param buildSeconds wall time to draw the ids and fill every routing table
 * @param contactsPerNode mean bucket contacts per table (replacement caches not counted)
 * @param tableHeapBytes heap held by the routing tables after a full GC (the population's ids
 *     and contacts, shared by all tables, are counted separately)
 * @param populationHeapBytes heap held by the ids and contacts after a full GC
 */
record NetworkStats(int nodes, double buildSeconds, double contactsPerNode, long tableHeapBytes,
    long populationHeapBytes) {

  double tableBytesPerNode() {
    return (double) tableHeapBytes / nodes;
  }
}
