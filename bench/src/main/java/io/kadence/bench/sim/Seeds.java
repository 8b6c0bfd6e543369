package io.kadence.bench.sim;

/**
 * Derives independent seeds from the run's seed, so that every node's table and every lookup
 * has its own {@link java.util.Random} and the results do not depend on thread scheduling.
 */
final class Seeds {
  private Seeds() {}

  /** A well-mixed seed for stream {@code stream} of {@code seed} (SplitMix64's finalizer). */
  static long mix(long seed, long stream) {
    long z = seed * 0x9E3779B97F4A7C15L + stream + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** {@link #mix} over several stream ids, e.g. (scenario, lookup). */
  static long mix(long seed, long... streams) {
    long s = seed;
    for (long stream : streams) {
      s = mix(s, stream);
    }
    return s;
  }
}
