package io.kadence.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a fault test ends with, on keys written by {@link Traffic}: every acknowledged
 * key reads back with its value, and every key is back at its full number of live copies.
 * Failures are {@link AssertionError}s that say which keys and what was last seen.
 */
public final class FaultChecks {
  /** Tries per key in {@link #readAll}: each through another running peer. */
  public static final int READ_TRIES = 3;

  private FaultChecks() {}

  /**
   * How reading a set of keys went.
   *
   * @param keys keys read
   * @param found keys that read back with their value
   * @param retried keys that needed more than one try (a get racing a failure verdict)
   * @param missing keys that did not read back in {@link #READ_TRIES} tries, with the last answer
   */
  public record Reads(int keys, int found, int retried, Map<String, String> missing) {}

  /**
   * Reads every key, each through the next running peer, trying up to {@link #READ_TRIES}
   * peers per key.
   */
  public static Reads readAll(MultiJvmCluster cluster, Collection<String> keys) {
    int found = 0;
    int retried = 0;
    int turn = 0;
    Map<String, String> missing = new LinkedHashMap<>();
    for (String key : keys) {
      String last = "";
      boolean ok = false;
      int attempt = 0;
      for (; attempt < READ_TRIES && !ok; attempt++) {
        List<RemotePeer> peers = cluster.running();
        RemotePeer through = peers.get(turn++ % peers.size());
        try {
          GetReply get = through.get(key);
          ok = get.values().stream().anyMatch(v -> Arrays.equals(v, Traffic.valueOf(key)));
          last = "through " + through + ": " + get.status() + " " + get.texts();
        } catch (RuntimeException e) {
          last = "through " + through + ": " + e.getMessage();
        }
      }
      retried += ok && attempt > 1 ? 1 : 0;
      if (ok) {
        found++;
      } else {
        missing.put(key, last);
      }
    }
    return new Reads(keys.size(), found, retried, missing);
  }

  /**
   * {@link #readAll}, failing unless every key reads back.
   *
   * @throws AssertionError naming the first missing keys and their last answers
   */
  public static Reads assertAllReadable(MultiJvmCluster cluster, Collection<String> keys) {
    Reads reads = readAll(cluster, keys);
    if (!reads.missing().isEmpty()) {
      throw new AssertionError(reads.missing().size() + " of " + keys.size()
          + " acknowledged keys did not read back in " + READ_TRIES + " tries each; first: "
          + first(reads.missing(), 5));
    }
    return reads;
  }

  /**
   * Waits until each of {@code keys} has {@code replication} live copies on the running peers
   * (or one on every running peer, if fewer run), and returns how long that took.
   *
   * @throws AssertionError after {@code timeout}, with how many keys were still short and some
   *     of them with their copy counts
   */
  public static Duration awaitCopies(MultiJvmCluster cluster, Collection<String> keys,
      int replication, Duration timeout) {
    long start = System.nanoTime();
    Await.until("every one of " + keys.size() + " keys at " + replication + " live copies",
        timeout, () -> new Shortfall(underReplicated(cluster, keys, replication)),
        shortfall -> shortfall.below().isEmpty());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The keys with fewer than {@code replication} copies on the running peers, and theirs. */
  public static Map<String, Integer> underReplicated(MultiJvmCluster cluster,
      Collection<String> keys, int replication) {
    int want = Math.min(replication, cluster.running().size());
    Map<String, Integer> copies = cluster.copiesByKeyId();
    Map<String, Integer> below = new LinkedHashMap<>();
    for (String key : keys) {
      int n = copies.getOrDefault(RemotePeer.keyId(key), 0);
      if (n < want) {
        below.put(key, n);
      }
    }
    return below;
  }

  /** The keys below their copies, shown as a count and the first few in Await's message. */
  private record Shortfall(Map<String, Integer> below) {
    @Override
    public String toString() {
      return below.size() + " keys short, first: " + first(below, 5);
    }
  }

  private static String first(Map<String, ?> map, int n) {
    List<String> shown = new ArrayList<>();
    map.entrySet().stream().limit(n).forEach(e -> shown.add(e.getKey() + "=" + e.getValue()));
    return String.join(", ", shown);
  }
}
