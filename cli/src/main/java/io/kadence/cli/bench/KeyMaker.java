package io.kadence.cli.bench;

import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fresh keys and random values of a run: key {@code bench-<tag>-<n>} with a tag drawn from
 * the seed and the number of earlier runs in the state file, so that runs never reuse a key and
 * the same seed and state give the same keys and values again.
 */
final class KeyMaker {
  private final long seed;
  private final String tag;
  private final int valueSize;
  private final AtomicLong next = new AtomicLong();

  KeyMaker(long seed, int earlierRuns, int valueSize) {
    this.seed = seed;
    this.valueSize = valueSize;
    Random tags = new Random(seed * 1_000_003L + earlierRuns);
    this.tag = HexFormat.of().toHexDigits(tags.nextInt());
  }

  /** A fresh key and its value. */
  record NewKey(String key, byte[] value) {}

  /** The next fresh key, with {@code valueSize} bytes drawn from the seed and its number. */
  NewKey next() {
    long n = next.getAndIncrement();
    byte[] value = new byte[valueSize];
    new Random(seed ^ (n * 0x9E3779B97F4A7C15L) ^ tag.hashCode()).nextBytes(value);
    return new NewKey("bench-" + tag + "-" + n, value);
  }
}
