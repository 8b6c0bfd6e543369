package io.kadence.crypto.sign;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, least-recently-used map from raw Ed25519 public keys to their decoded form, so that
 * a peer decodes the key of each sender once instead of on every signature it verifies.
 *
 * <p>Why: decoding a key (point decompression, a field square root) was about 10% of a
 * verification on this project's machines (docs/BENCHMARKS.md, "What the numbers changed"),
 * and a peer verifies signatures of the same few hundred contacts and publishers again and
 * again. A plain {@code LinkedHashMap} in access order rather than a caching library: the crypto
 * module depends on Bouncy Castle alone, and this is its whole use.
 *
 * <p>Security: a hit returns exactly what decoding the same 32 bytes returns (keys compare by
 * their full bytes), so no verification is skipped or changed. Only keys that decode are kept;
 * the bound keeps memory fixed whatever keys peers send, and keys compare as well as hash, so
 * keys chosen to collide make a bucket a tree, not a list. Thread-safe: verification runs on
 * any thread.
 *
 * @param <V> the decoded key
 */
final class PublicKeyCache<V> {
  private final Map<KeyBytes, V> entries;

  /** A cache of at most {@code capacity} keys (at least 1). */
  PublicKeyCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<KeyBytes, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The decoded form of {@code publicKey}: the cached one, or {@code decode}'s result, cached.
   * If {@code decode} throws (not a valid key), nothing is cached and the exception propagates.
   * Decoding runs outside the lock; two threads may decode the same new key at once.
   */
  V get(byte[] publicKey, Function<byte[], V> decode) {
    KeyBytes key = new KeyBytes(publicKey.clone());
    V cached;
    synchronized (entries) {
      cached = entries.get(key);
    }
    if (cached != null) {
      return cached;
    }
    V decoded = decode.apply(key.bytes());
    synchronized (entries) {
      entries.put(key, decoded);
    }
    return decoded;
  }

  /** Keys cached now. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Key bytes compared by content; comparable so that colliding hashes degrade to a tree. */
  private record KeyBytes(byte[] bytes) implements Comparable<KeyBytes> {
    @Override
    public boolean equals(Object o) {
      return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(KeyBytes other) {
      return Arrays.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
      return "KeyBytes[" + bytes.length + " bytes]";
    }
  }
}
