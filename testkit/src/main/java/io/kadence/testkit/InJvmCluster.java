package io.kadence.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kadence.dht.id.Key;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of Kadence peers in this JVM: one actor system per peer on 127.0.0.1 with a free
 * port, each with its own data dir, with the fast gossip and failure detection of
 * {@code kadence-testkit.conf}. Peers are numbered in start order; peer 0 is the bootstrap of
 * the others. {@link #close()} stops every peer still running.
 *
 * <pre>{@code
 * try (InJvmCluster cluster = InJvmCluster.start(6, tempDir)) {
 *   cluster.peer(0).put("k", value).toCompletableFuture().join();
 * }
 * }</pre>
 */
public final class InJvmCluster implements AutoCloseable {
  private final Path root;
  /** The test's overrides above the testkit's settings; every peer's user config. */
  private final Config overrides;
  private final List<KadenceNode> peers = Collections.synchronizedList(new ArrayList<>());
  private final List<Path> dirs = Collections.synchronizedList(new ArrayList<>());

  private InJvmCluster(Path root, Config overrides) {
    this.root = root;
    this.overrides = TestkitSettings.layered(overrides);
  }

  /** Starts {@code size} peers with data dirs under {@code root}; returns when all serve. */
  public static InJvmCluster start(int size, Path root) throws KadenceException {
    return start(size, root, ConfigFactory.empty());
  }

  /** As {@link #start(int, Path)}, with {@code overrides} above the testkit's settings. */
  public static InJvmCluster start(int size, Path root, Config overrides)
      throws KadenceException {
    InJvmCluster cluster = new InJvmCluster(root, overrides);
    try {
      for (int i = 0; i < size; i++) {
        cluster.addPeer();
      }
    } catch (KadenceException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Starts one more peer that joins through a live peer; returns it once it serves. */
  public KadenceNode addPeer() throws KadenceException {
    Path dir = root.resolve("peer-" + dirs.size());
    dirs.add(dir);
    KadenceNode node = KadenceNode.start(settings(dir, bootstrap()), overrides);
    peers.add(node);
    return node;
  }

  /**
   * Restarts peer {@code index} (stopped or crashed) from its data dir, joining through a live
   * peer if there is one (else through its saved contacts); it keeps its node ID and records.
   */
  public KadenceNode restart(int index) throws KadenceException {
    return restart(index, true);
  }

  /**
   * Restarts peer {@code index} from its data dir; with {@code throughBootstrap} false it is
   * given no bootstrap node and must rejoin through the contacts it saved.
   */
  public KadenceNode restart(int index, boolean throughBootstrap) throws KadenceException {
    KadenceNode old = peers.get(index);
    await(old.terminate(), Duration.ofSeconds(30));
    List<HostPort> bootstrap = throughBootstrap ? bootstrap() : List.of();
    KadenceNode node = KadenceNode.start(settings(dirs.get(index), bootstrap), overrides);
    peers.set(index, node);
    return node;
  }

  /** Peer {@code index}, running or not. */
  public KadenceNode peer(int index) {
    return peers.get(index);
  }

  /** Every peer started, running or not, in start order. */
  public List<KadenceNode> peers() {
    return List.copyOf(peers);
  }

  /** The peers still running. */
  public List<KadenceNode> running() {
    return peers.stream().filter(p -> !isStopped(p)).toList();
  }

  /**
   * How many running peers hold a live record for {@code key} in their own store: the live
   * copies of a key's records.
   */
  public int copies(Key key) {
    int copies = 0;
    for (KadenceNode peer : running()) {
      if (!await(peer.held(key), Duration.ofSeconds(10)).isEmpty()) {
        copies++;
      }
    }
    return copies;
  }

  /** Stops peer {@code index} at once, without leave or hand-off, as a crash looks to others. */
  public void crash(int index) {
    await(peers.get(index).terminate(), Duration.ofSeconds(30));
  }

  /** Stops every peer still running, without leaving. */
  @Override
  public void close() {
    List<CompletableFuture<?>> stopping = new ArrayList<>();
    for (KadenceNode p : peers()) {
      stopping.add(p.terminate().toCompletableFuture());
    }
    for (CompletableFuture<?> f : stopping) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // keep stopping the others
      }
    }
  }

  /** The settings of a peer with data dir {@code dir}. */
  public NodeSettings settings(Path dir, List<HostPort> bootstrap) {
    return TestkitSettings.peer(overrides, dir, 0, bootstrap);
  }

  private List<HostPort> bootstrap() {
    return running().stream().findFirst().map(p -> List.of(p.address())).orElse(List.of());
  }

  private static boolean isStopped(KadenceNode node) {
    return node.whenTerminated().toCompletableFuture().isDone();
  }

  static <T> T await(java.util.concurrent.CompletionStage<T> stage, Duration timeout) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("did not complete within " + timeout + ": " + e, e);
    }
  }

  /** The root under which each peer has its data dir. */
  public Path root() {
    return root;
  }
}
