package io.kadence.bench.sim;

import io.kadence.dht.lookup.LookupOutcome;

/**
 * One simulated lookup, judged against the brute-force truth.
 *
 * @param kind FIND_NODE, PUT (a put's FIND_NODE) or FIND_VALUE
 * @param success FIND_NODE: the honest answering node closest to the target is among the
 *     result's closest; PUT: among the replica set it found; FIND_VALUE: at least one value
 *     came back
 * @param quorum FIND_VALUE: the value quorum was reached (always false for FIND_NODE)
 * @param recall FIND_NODE: share of the true k closest answering nodes found; PUT: share of
 *     the true replica set among the replica set found (NaN for FIND_VALUE, which stops early
 *     by design)
 * @param adversaryShare share of the result's closest that are adversaries
 * @param truthAdversaryShare share of the true k closest answering nodes that are adversaries:
 *     what an unbiased lookup would show
 * @param dominated adversaries are more than half of the result's closest
 * @param rounds the result's rounds: the longest chain of requests that had to follow one
 *     another
 * @param queried peers queried
 * @param messages requests plus replies sent
 * @param latencyMs simulated time the lookup took
 * @param outcome why the lookup ended
 * @param cutOff ended by the lookup bound
 */
record LookupSample(
    Operation kind,
    boolean success,
    boolean quorum,
    double recall,
    double adversaryShare,
    double truthAdversaryShare,
    boolean dominated,
    int rounds,
    int queried,
    int messages,
    double latencyMs,
    LookupOutcome outcome,
    boolean cutOff) {}
