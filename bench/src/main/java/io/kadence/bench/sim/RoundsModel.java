package io.kadence.bench.sim;

import java.util.List;

/**
 * The expected number of lookup rounds for N nodes and bucket size k, to set beside the measured
 * curve.
 *
 * <p>The paper bounds a lookup by about log2 N steps (Kademlia, section 3: each step at least
 * halves the distance, one bit per hop). With full k-buckets a step does better: a node that
 * shares p leading bits with the target answers from the bucket covering the half-subtree that
 * shares p + 1 bits, which holds k nodes drawn from it; the closest of k random points in a
 * subtree shares about log2 k more bits with the target. So each hop resolves about
 * log2(2k) bits (5.3 for k = 20), the counterpart of section 4.2's b bits per hop with 2^b-wide
 * buckets. Once a node's bucket toward the target holds every node of its range (N / 2^(p+1)
 * at most k, i.e. log2(N/k) bits resolved) it names the true closest nodes, and one more round
 * queries them (the lookup ends only when the k closest have answered):
 *
 * <pre>  rounds(N) ~ log2(N / k) / log2(2k) + 1</pre>
 *
 * <p>A model, not a bound: its slope, 1 / log2(2k) rounds per doubling of N (0.19 for k = 20),
 * is the prediction worth checking; the constant absorbs how rounds are counted.
 */
final class RoundsModel {
  static final String FORMULA = "log2(N/k) / log2(2k) + 1";

  private RoundsModel() {}

  static double expected(int nodes, int k) {
    return Math.max(1, log2((double) nodes / k) / log2(2.0 * k) + 1);
  }

  /** The model's rounds per doubling of N. */
  static double slope(int k) {
    return 1 / log2(2.0 * k);
  }

  /** Least-squares slope of mean rounds against log2 N. */
  static double fittedSlope(List<Summary> rows) {
    double n = rows.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Summary r : rows) {
      double x = log2(r.nodes());
      sx += x;
      sy += r.roundsMean();
      sxx += x * x;
      sxy += x * r.roundsMean();
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
