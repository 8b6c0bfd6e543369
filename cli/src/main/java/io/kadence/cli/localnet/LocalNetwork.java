package io.kadence.cli.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network of peer processes on this machine (DESIGN.md, "Interfaces": {@code local-net}). The
 * first peer starts a new network; the others join through it, all at once. {@link #close}
 * stops them gracefully: {@code POST /v1/leave} to each, a bounded wait, then SIGTERM and kill
 * for stragglers. A JVM shutdown hook closes it too, so Ctrl-C leaves no orphan; and each
 * peer, started with {@code --managed-by}, leaves by itself if this process dies anyway.
 */
public final class LocalNetwork implements AutoCloseable {
  /** How long the peers have to leave gracefully before they are terminated. */
  public static final Duration LEAVE_BOUND = Duration.ofSeconds(30);

  private final List<PeerProcess> peers = new CopyOnWriteArrayList<>();
  private final List<JsonNode> infos = new CopyOnWriteArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "kadence-local-net-stop");
  private boolean closed;

  private LocalNetwork() {}

  /**
   * Starts the peers and returns once all serve.
   *
   * @param progress where to say what is happening
   * @throws CliException if a port is taken, a peer fails or does not serve within
   *     {@code timeout}; the peers already started are stopped
   */
  public static LocalNetwork start(List<PeerSpec> specs, PeerLauncher launcher,
      Duration timeout, PrintWriter progress) {
    checkPortsFree(specs);
    LocalNetwork net = new LocalNetwork();
    Runtime.getRuntime().addShutdownHook(net.shutdownHook);
    Instant deadline = Instant.now().plus(timeout);
    try {
      progress.printf("starting peer 0 (logs in %s)%n", specs.get(0).logFile());
      progress.flush();
      net.launch(specs.get(0), launcher);
      net.infos.add(net.peers.get(0).awaitServing(deadline));
      if (specs.size() > 1) {
        progress.printf("starting %s, joining through peer 0%n",
            specs.size() == 2 ? "peer 1" : "peers 1.." + (specs.size() - 1));
        progress.flush();
        for (PeerSpec spec : specs.subList(1, specs.size())) {
          net.launch(spec, launcher);
        }
        for (PeerProcess peer : net.peers.subList(1, net.peers.size())) {
          net.infos.add(peer.awaitServing(deadline));
        }
      }
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /** The running peers, in index order. */
  public List<PeerProcess> peers() {
    return List.copyOf(peers);
  }

  /** What each peer said about itself ({@code GET /v1/node}) when it first served. */
  public List<JsonNode> infos() {
    return List.copyOf(infos);
  }

  /** Stops every peer (gracefully if it can); idempotent, also run by the shutdown hook. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<PeerProcess> asked = new ArrayList<>();
    for (PeerProcess peer : peers) {
      if (peer.requestLeave()) {
        asked.add(peer);
      }
    }
    Instant deadline = Instant.now().plus(LEAVE_BOUND);
    for (PeerProcess peer : asked) {
      peer.awaitExit(remaining(deadline));
    }
    for (PeerProcess peer : peers) {
      peer.stop(Duration.ofSeconds(10));
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this is the hook
    }
  }

  private synchronized void launch(PeerSpec spec, PeerLauncher launcher) {
    if (closed) {
      throw new CliException(ExitCodes.FAILURE, "stopped while starting");
    }
    try {
      peers.add(new PeerProcess(spec, launcher.start(spec)));
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot start peer " + spec.index() + ": "
          + e.getMessage(), e);
    }
  }

  private static Duration remaining(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static void checkPortsFree(List<PeerSpec> specs) {
    for (PeerSpec spec : specs) {
      for (int port : new int[] {spec.port(), spec.httpPort()}) {
        try (ServerSocket socket = new ServerSocket()) {
          socket.bind(new InetSocketAddress(InetAddress.getByName(PeerSpec.HOST), port));
        } catch (IOException e) {
          throw new CliException(ExitCodes.FAILURE, "port " + port + " (peer " + spec.index()
              + ") is in use; choose other ports with --base-port");
        }
      }
    }
  }
}
