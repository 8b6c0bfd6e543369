package io.kadence.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts through the running peers of a {@link MultiJvmCluster} in turn, remembering which were
 * acknowledged (a write quorum stored them): the puts a fault test must not lose. A put that
 * fails — 503 {@code quorum_not_reached}, or the peer it went through died under it — is
 * counted, not thrown: under faults it is allowed to fail, only an acknowledged one must last.
 * Each key's value is {@link #valueOf(String)}, so a read can be checked against it.
 * Thread-safe.
 *
 * <pre>{@code
 * Traffic traffic = new Traffic(cluster, "k");
 * traffic.put(250);
 * cluster.peer(4).kill();
 * traffic.put(250);
 * FaultChecks.assertAllReadable(cluster, traffic.acknowledged());
 * }</pre>
 */
public final class Traffic {
  private final MultiJvmCluster cluster;
  private final String prefix;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, PutAck> acks = new ConcurrentHashMap<>();

  /** Traffic of keys {@code <prefix>-0}, {@code <prefix>-1}, ... through {@code cluster}. */
  public Traffic(MultiJvmCluster cluster, String prefix) {
    this.cluster = cluster;
    this.prefix = prefix;
  }

  /** The value every put of {@code key} writes. */
  public static byte[] valueOf(String key) {
    return ("value of " + key).getBytes(UTF_8);
  }

  /** Puts the next key through the next running peer; whether it was acknowledged. */
  public boolean putNext() {
    int n = next.getAndIncrement();
    return put(prefix + "-" + n, n);
  }

  /** Puts {@code key} through the next running peer; whether it was acknowledged. */
  public boolean put(String key) {
    return put(key, next.getAndIncrement());
  }

  /** {@code count} puts, one after the other; how many were acknowledged. */
  public int put(int count) {
    int ok = 0;
    for (int i = 0; i < count; i++) {
      ok += putNext() ? 1 : 0;
    }
    return ok;
  }

  /**
   * Puts each of {@code keys} once, {@code threads} at a time, through the running peers in
   * turn; how many were acknowledged.
   */
  public int putAll(List<String> keys, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> puts = new ArrayList<>();
      for (String key : keys) {
        int n = next.getAndIncrement();
        puts.add(pool.submit(() -> put(key, n)));
      }
      int ok = 0;
      for (Future<Boolean> put : puts) {
        ok += put.get() ? 1 : 0;
      }
      return ok;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while putting", e);
    } catch (ExecutionException e) {
      throw new AssertionError("a put threw: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The keys whose put was acknowledged, in the order acknowledged. */
  public List<String> acknowledged() {
    synchronized (acknowledged) {
      return List.copyOf(acknowledged);
    }
  }

  /**
   * The answer to the acknowledged put of {@code key}: which replicas stored it; empty if its
   * put was not acknowledged.
   */
  public Optional<PutAck> ack(String key) {
    return Optional.ofNullable(acks.get(key));
  }

  /** Puts made so far, acknowledged or not. */
  public int attempted() {
    return next.get();
  }

  /** Puts not acknowledged. */
  public int failed() {
    return failed.get();
  }

  /** Why the first few unacknowledged puts failed, for reports. */
  public List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures.subList(0, Math.min(5, failures.size())));
    }
  }

  private boolean put(String key, int n) {
    List<RemotePeer> peers = cluster.running();
    if (peers.isEmpty()) {
      return failed(key, "no peer runs");
    }
    RemotePeer through = peers.get(n % peers.size());
    try {
      PutAck ack = through.put(key, valueOf(key));
      if (ack.success()) {
        acks.put(key, ack);
        acknowledged.add(key);
        return true;
      }
      return failed(key, "through " + through + ": " + ack.status() + " " + ack.describe());
    } catch (RuntimeException e) {
      return failed(key, "through " + through + ": " + e.getMessage());
    }
  }

  private boolean failed(String key, String why) {
    failed.incrementAndGet();
    failures.add(key + " " + why);
    return false;
  }
}
