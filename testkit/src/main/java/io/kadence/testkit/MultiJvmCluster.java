package io.kadence.testkit;

import io.kadence.node.settings.HostPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster of Kadence peers, each in its own child JVM started from the test's classpath
 * ({@link PeerMain}), with the fast settings of {@code kadence-testkit.conf}, controlled through
 * each peer's HTTP API and through signals: the multi-JVM counterpart of {@link InJvmCluster},
 * for faults one JVM cannot show (a killed process, a frozen JVM, a restart from disk).
 *
 * <p>Peer 0 starts a network; the others join through it. {@link MultiJvmClusterBuilder#start}
 * returns when every peer serves and sees every other one up and reachable. Each child's stdout
 * and stderr go to {@code peer-<i>.log} in the run's directory (by default
 * {@code target/kadence-peers/<name>/}, with the data dirs under its {@code data/}).
 * {@link #close()} stops every child; a JVM shutdown hook kills any child left if the test JVM
 * exits first, and children halt by themselves if the test JVM is killed outright.
 *
 * <pre>{@code
 * try (MultiJvmCluster cluster = MultiJvmCluster.builder().size(4).start()) {
 *   cluster.peer(1).put("greeting", "hello".getBytes(UTF_8));
 *   cluster.peer(2).kill();
 *   cluster.awaitMembers(3);
 *   assertTrue(cluster.peer(3).get("greeting").found());
 * }
 * }</pre>
 */
public final class MultiJvmCluster implements AutoCloseable {
  private final MultiJvmClusterBuilder spec;
  private final PeerLauncher launcher;
  private final List<RemotePeer> peers = Collections.synchronizedList(new ArrayList<>());
  /** The bootstrap list each peer was first started with, for {@link #restartInPlace}. */
  private final Map<Integer, List<HostPort>> firstBootstrap = new ConcurrentHashMap<>();
  private volatile Duration startTime;
  private volatile boolean closed;

  private MultiJvmCluster(MultiJvmClusterBuilder spec, Path runDir) {
    this.spec = spec;
    this.launcher = new PeerLauncher(spec, runDir);
  }

  /** A builder with the defaults: 3 peers, small heaps, files in {@code target/kadence-peers}. */
  public static MultiJvmClusterBuilder builder() {
    return new MultiJvmClusterBuilder();
  }

  static MultiJvmCluster start(MultiJvmClusterBuilder spec) {
    Path runDir = spec.resolvedRunDir();
    if (spec.runDir == null) {
      RunFiles.deleteTree(runDir);
    }
    MultiJvmCluster cluster = new MultiJvmCluster(spec, runDir);
    spec.onCreate.accept(cluster);
    long started = System.nanoTime();
    try {
      cluster.add(cluster.launch(0, List.of()).awaitReady());
      List<PeerLauncher.Pending> others = new ArrayList<>();
      for (int i = 1; i < spec.size; i++) {
        others.add(cluster.launch(i, List.of(cluster.peer(0).address())));
      }
      for (PeerLauncher.Pending pending : others) {
        cluster.add(pending.awaitReady());
      }
      cluster.awaitMembers(spec.size);
    } catch (RuntimeException | AssertionError e) {
      String logs = cluster.describe();
      cluster.close();
      throw new AssertionError("a cluster of " + spec.size + " peer JVMs did not start: "
          + e.getMessage() + System.lineSeparator() + logs, e);
    }
    cluster.startTime = Duration.ofNanos(System.nanoTime() - started);
    return cluster;
  }

  /** Peer {@code index}'s latest run, running or not. */
  public RemotePeer peer(int index) {
    return peers.get(index);
  }

  /** The latest run of every peer, in index order. */
  public List<RemotePeer> peers() {
    return List.copyOf(peers);
  }

  /** The peers whose JVM runs and is not paused: the ones that can answer. */
  public List<RemotePeer> running() {
    return peers().stream().filter(p -> p.isAlive() && !p.isPaused()).toList();
  }

  /** How long {@link MultiJvmClusterBuilder#start()} took, from launch to a formed cluster. */
  public Duration startTime() {
    return startTime;
  }

  /**
   * Starts one more peer that joins through the running peers; returns once it serves (the
   * others may need a gossip round to see it: {@link #awaitMembers(int)}).
   */
  public RemotePeer addPeer() {
    int index = peers.size();
    Path dir = launcher.dataDir(index);
    if (Files.exists(dir) && !RunFiles.isEmptyDir(dir)) {
      throw new IllegalStateException("data dir " + dir.toAbsolutePath()
          + " is not empty: a new peer needs a fresh one (choose another dataRoot)");
    }
    return add(launch(index, bootstrap()).awaitReady());
  }

  /**
   * Starts peer {@code index} again from its data dir, joining through the running peers: it
   * keeps its node ID and its records. A peer that still runs is killed first (SIGKILL), as a
   * crash. Returns the new run's handle once it serves.
   */
  public RemotePeer restart(int index) {
    RemotePeer old = peer(index);
    if (old.isAlive()) {
      old.kill();
    }
    RemotePeer now = launch(index, bootstrap()).awaitReady();
    peers.set(index, now);
    if (!now.id().equals(old.id())) {
      throw new AssertionError("peer-" + index + " came back as " + now.id() + ", not "
          + old.id() + ": its data dir lost its identity key");
    }
    return now;
  }

  /**
   * Starts peer {@code index} again as a fixed node of a real deployment restarts: from its
   * data dir, on the same peer and HTTP ports as its last run, with the bootstrap list of its
   * first start. Peer 0 had none, so it rejoins through the contacts it saved before it went
   * down, as a restarted bootstrap node must (or starts a second network if it saved none:
   * check with {@link #awaitMembers(int)} that it did not). A peer that still runs is killed
   * first (SIGKILL). Returns the new run's handle once it serves.
   */
  public RemotePeer restartInPlace(int index) {
    if (closed) {
      throw new IllegalStateException("the cluster is closed");
    }
    RemotePeer old = peer(index);
    if (old.isAlive()) {
      old.kill();
    }
    RemotePeer now = launcher.launch(index, firstBootstrap.getOrDefault(index, List.of()), true,
        old.address().port(), old.httpUri().getPort()).awaitReady();
    peers.set(index, now);
    if (!now.id().equals(old.id())) {
      throw new AssertionError("peer-" + index + " came back as " + now.id() + ", not "
          + old.id() + ": its data dir lost its identity key");
    }
    return now;
  }

  /** How many running peers hold a live record of {@code key} ({@link RemotePeer#holds}). */
  public int copies(String key) {
    return (int) running().stream().filter(p -> p.holds(key)).count();
  }

  /**
   * For every key any running peer holds, by key id ({@link RemotePeer#keyId}): how many
   * running peers hold a live record of it. One paged listing per peer, so it suits thousands
   * of keys where {@link #copies(String)} would ask once per key and peer.
   */
  public Map<String, Integer> copiesByKeyId() {
    Map<String, Integer> copies = new HashMap<>();
    for (RemotePeer peer : running()) {
      peer.heldKeyIds().forEach(id -> copies.merge(id, 1, Integer::sum));
    }
    return copies;
  }

  /**
   * Waits until every running peer sees {@code members} members and none unreachable, within
   * the builder's await timeout.
   *
   * @throws AssertionError naming the peer that did not, and what it last said
   */
  public void awaitMembers(int members) {
    awaitMembers(members, spec.awaitTimeout);
  }

  /** As {@link #awaitMembers(int)}, within {@code timeout}. */
  public void awaitMembers(int members, Duration timeout) {
    for (RemotePeer peer : running()) {
      Await.until(peer + " to see " + members + " members, none unreachable", timeout,
          peer::info, info -> info.members() == members && info.unreachable() == 0);
    }
  }

  /** Every peer's log file, in index order. */
  public List<Path> logs() {
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < launcher.launched(); i++) {
      logs.add(launcher.logFile(i));
    }
    return logs;
  }

  /** Every peer's latest run and its log, one a line: for failure messages. */
  public String describe() {
    StringBuilder text = new StringBuilder("peer logs:");
    List<RemotePeer> known = peers();
    List<Path> logs = logs();
    for (int i = 0; i < logs.size(); i++) {
      String who = i < known.size() ? known.get(i).toString() : "peer-" + i + " (not serving)";
      text.append(System.lineSeparator()).append("  ").append(who).append(": ")
          .append(logs.get(i).toAbsolutePath());
    }
    return text.toString();
  }

  /**
   * Stops every child still running: SIGTERM (each leaves gracefully), then SIGKILL after the
   * builder's stop grace, and waits for every exit. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    new ChildStopper(launcher.processes(), spec.stopGrace).stopAll();
  }

  private PeerLauncher.Pending launch(int index, List<HostPort> bootstrap) {
    if (closed) {
      throw new IllegalStateException("the cluster is closed");
    }
    firstBootstrap.putIfAbsent(index, List.copyOf(bootstrap));
    return launcher.launch(index, bootstrap, index < peers.size());
  }

  /** Adds a new peer's handle; launches become ready in index order. */
  private RemotePeer add(RemotePeer peer) {
    peers.add(peer);
    return peer;
  }

  private List<HostPort> bootstrap() {
    return running().stream().limit(3).map(RemotePeer::address).toList();
  }
}
