package io.kadence.bench.sim;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The measured figures of one scenario and lookup kind at one network size. Percentiles are
 * nearest-rank over all lookups (exact: there are only a few thousand).
 *
 * @param scenario the scenario's label
 * @param nodes network size
 * @param kind FIND_NODE, PUT or FIND_VALUE
 * @param lookups lookups run
 * @param success share of lookups that succeeded (see {@link LookupSample#success()})
 * @param quorum FIND_VALUE: share that reached the read quorum
 * @param recall FIND_NODE: mean share of the true k closest found; PUT: of the true replica
 *     set (NaN for FIND_VALUE)
 * @param exact FIND_NODE: share of lookups that found exactly the true k closest; PUT: the
 *     true replica set
 * @param adversaryShare mean share of adversaries among the result's closest
 * @param truthAdversaryShare mean share of adversaries among the true k closest
 * @param dominated share of lookups whose closest were more than half adversaries
 * @param roundsMean mean rounds
 * @param roundsMedian median rounds
 * @param roundsP99 99th percentile of rounds
 * @param queriedMean mean peers queried
 * @param messagesMean mean messages (requests plus replies) per lookup
 * @param messagesP99 99th percentile of messages per lookup
 * @param latencyMedianMs median simulated lookup time
 * @param latencyP99Ms 99th percentile of simulated lookup time
 * @param cutOff lookups ended by the lookup bound
 * @param wallSeconds wall-clock time to run the lookups of this row
 */
record Summary(
    String scenario,
    int nodes,
    Operation kind,
    int lookups,
    double success,
    double quorum,
    double recall,
    double exact,
    double adversaryShare,
    double truthAdversaryShare,
    double dominated,
    double roundsMean,
    double roundsMedian,
    double roundsP99,
    double queriedMean,
    double messagesMean,
    double messagesP99,
    double latencyMedianMs,
    double latencyP99Ms,
    int cutOff,
    double wallSeconds) {

  static Summary of(String scenario, int nodes, Operation kind, LookupSample[] samples,
      double wallSeconds) {
    return new Summary(scenario, nodes, kind, samples.length,
        share(samples, LookupSample::success),
        share(samples, LookupSample::quorum),
        kind.findsNodes() ? mean(samples, LookupSample::recall) : Double.NaN,
        kind.findsNodes() ? share(samples, s -> s.recall() == 1.0) : Double.NaN,
        mean(samples, LookupSample::adversaryShare),
        mean(samples, LookupSample::truthAdversaryShare),
        share(samples, LookupSample::dominated),
        mean(samples, LookupSample::rounds),
        percentile(samples, LookupSample::rounds, 0.50),
        percentile(samples, LookupSample::rounds, 0.99),
        mean(samples, LookupSample::queried),
        mean(samples, LookupSample::messages),
        percentile(samples, LookupSample::messages, 0.99),
        percentile(samples, LookupSample::latencyMs, 0.50),
        percentile(samples, LookupSample::latencyMs, 0.99),
        (int) Arrays.stream(samples).filter(LookupSample::cutOff).count(),
        wallSeconds);
  }

  private interface Test {
    boolean test(LookupSample sample);
  }

  private static double share(LookupSample[] samples, Test test) {
    return (double) Arrays.stream(samples).filter(test::test).count() / samples.length;
  }

  private static double mean(LookupSample[] samples, ToDoubleFunction<LookupSample> value) {
    return Arrays.stream(samples).mapToDouble(value).average().orElse(Double.NaN);
  }

  /** Nearest-rank percentile: the smallest value with at least {@code p} of samples at or below. */
  static double percentile(LookupSample[] samples, ToDoubleFunction<LookupSample> value,
      double p) {
    double[] sorted = Arrays.stream(samples).mapToDouble(value).sorted().toArray();
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
