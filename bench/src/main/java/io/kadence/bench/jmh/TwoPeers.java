package io.kadence.bench.jmh;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kadence.crypto.key.KeyFiles;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.wire.WireCodec;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.transport.NodeStats;
import io.kadence.node.transport.PeerEvents;
import io.kadence.node.transport.SignedPeerRpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * Two real peers in this JVM, each its own actor system on 127.0.0.1 with free ports (Artery TCP
 * between them, as between processes), the second joined through the first; and the first
 * peer's own {@link SignedPeerRpc}, with its identity, to call the second. {@link #stop} or
 * {@link #close} stops both and deletes their data dirs.
 */
final class TwoPeers implements AutoCloseable {
  /** The peers' settings: loopback, free ports, fast cluster gossip, quiet logs. */
  private static final String CONFIG = """
      pekko.loglevel = "WARNING"
      pekko.cluster { gossip-interval = 200ms, leader-actions-interval = 200ms,
                      periodic-tasks-initial-delay = 100ms, jmx.enabled = off }
      kadence {
        node { host = "127.0.0.1", port = 0, join-timeout = 30 s, leave-timeout = 10 s }
        http { host = "127.0.0.1", port = 0 }
      }
      """;

  final KadenceNode caller;
  final KadenceNode callee;
  final SignedPeerRpc rpc;
  private final Path root;

  private TwoPeers(Path root, KadenceNode caller, KadenceNode callee, SignedPeerRpc rpc) {
    this.root = root;
    this.caller = caller;
    this.callee = callee;
    this.rpc = rpc;
  }

  /** Starts both peers; returns once the second has joined through the first. */
  static TwoPeers start() throws IOException, KadenceException {
    Path root = Files.createTempDirectory("kadence-two-peers");
    Config user = ConfigFactory.parseString(CONFIG);
    NodeSettings base = NodeSettings.load(user.withFallback(ConfigFactory.defaultReference())
        .resolve());
    NodeKeyPair callerIdentity = BenchFixtures.keyPair(21);
    Path callerDir = Files.createDirectories(root.resolve("caller"));
    KeyFiles.save(callerDir.resolve("node.key"), callerIdentity);
    KadenceNode caller = null;
    try {
      caller = KadenceNode.start(settings(base, callerDir, List.of()), user);
      KadenceNode callee = KadenceNode.start(
          settings(base, root.resolve("callee"), List.of(caller.address())), user);
      SignedPeerRpc rpc = new SignedPeerRpc(caller.actorSystem(), callerIdentity,
          new WireCodec(base.wireLimits()), Clock.systemUTC(), base.security().freshnessWindow(),
          base.maxEnvelopeBytes(), PeerEvents.NONE, new NodeStats());
      return new TwoPeers(root, caller, callee, rpc);
    } catch (KadenceException | RuntimeException e) {
      if (caller != null) {
        stop(caller);
      }
      delete(root);
      throw e;
    }
  }

  private static NodeSettings settings(NodeSettings base, Path dir, List<HostPort> bootstrap) {
    return new NodeSettings(base.network().with(0, bootstrap, dir), base.routing(), base.lookup(),
        base.storage(), base.security(), base.http());
  }

  /**
   * Starts stopping both peers without a leave (a leave's hand-off is not what is measured);
   * the stage completes once both stopped and their data dirs are deleted.
   */
  CompletionStage<Void> stop() {
    return callee.terminate().thenCombine(caller.terminate(), (a, b) -> a)
        .thenAccept(done -> deleteUnchecked(root));
  }

  /** Stops both peers and waits for it. */
  @Override
  public void close() {
    stop().toCompletableFuture().join();
  }

  private static void stop(KadenceNode node) {
    node.terminate().toCompletableFuture().join();
  }

  private static void deleteUnchecked(Path root) {
    try {
      delete(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
