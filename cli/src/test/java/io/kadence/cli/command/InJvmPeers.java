package io.kadence.cli.command;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small real Kadence network in this JVM for the load generator's tests: peers on 127.0.0.1
 * with free peer and HTTP ports, peer 0 the bootstrap of the others, fast cluster gossip.
 * {@link #close} stops them all.
 */
final class InJvmPeers implements AutoCloseable {
  private static final Config USER = ConfigFactory.parseString("""
      pekko.loglevel = "WARNING"
      pekko.cluster {
        gossip-interval = 200ms
        leader-actions-interval = 200ms
        periodic-tasks-initial-delay = 100ms
        jmx.enabled = off
      }
      pekko.coordinated-shutdown.terminate-actor-system = on
      pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
      kadence {
        node { host = "127.0.0.1", port = 0, join-timeout = 20 s, leave-timeout = 10 s }
        lookup { request-timeout = 1 s, timeout = 8 s }
        routing.ping-timeout = 1 s
        storage.replication-debounce = 300 ms
        http { host = "127.0.0.1", port = 0 }
      }
      """);

  private final List<KadenceNode> nodes = new ArrayList<>();

  /** Starts {@code n} peers with data dirs under {@code root}; returns once all serve. */
  static InJvmPeers start(int n, Path root) throws KadenceException {
    InJvmPeers peers = new InJvmPeers();
    try {
      for (int i = 0; i < n; i++) {
        List<HostPort> bootstrap = i == 0 ? List.of() : List.of(peers.nodes.get(0).address());
        NodeSettings base = NodeSettings.load(USER.withFallback(ConfigFactory.defaultReference())
            .resolve());
        NodeSettings settings = new NodeSettings(
            base.network().with(0, bootstrap, root.resolve("peer-" + i)), base.routing(),
            base.lookup(), base.storage(), base.security(), base.http());
        peers.nodes.add(KadenceNode.start(settings, USER));
      }
    } catch (KadenceException | RuntimeException e) {
      peers.close();
      throw e;
    }
    return peers;
  }

  /** The peers' HTTP API base URLs, in start order. */
  List<URI> urls() {
    return nodes.stream().map(n -> URI.create("http://" + n.httpAddress())).toList();
  }

  /** The peers' URLs as {@code --peers} takes them. */
  String peersFlag() {
    return String.join(",", urls().stream().map(URI::toString).toList());
  }

  /** Stops every peer at once (all together, then waits for each). */
  @Override
  public void close() {
    List<CompletableFuture<?>> stopping = new ArrayList<>();
    nodes.forEach(node -> stopping.add(node.terminate().toCompletableFuture()));
    for (CompletableFuture<?> stopped : stopping) {
      try {
        stopped.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // keep waiting for the others
      }
    }
  }
}
