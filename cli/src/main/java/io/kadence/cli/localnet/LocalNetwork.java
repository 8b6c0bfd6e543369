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
 * first peer starts a new network; the others join through it a batch at a time: each batch
 * must serve, and the network settle (every peer a member, Up and reachable, as the first peer
 * sees it; at most {@link #SETTLE_BOUND}), before the next starts, because dozens of JVMs
 * starting at once on two cores starve each other (and the first peer, which answers every
 * join) until joins time out and members are marked unreachable.
 * {@link #close}
 * stops them gracefully: {@code POST /v1/leave} to each, a bounded wait, then SIGTERM and kill
 * for stragglers. A JVM shutdown hook closes it too, so Ctrl-C leaves no orphan; and each
 * peer, started with {@code --managed-by}, leaves by itself if this process dies anyway.
 */
public final class LocalNetwork implements PeerNetwork {
  /** Peers started together by default: a few JVMs at once keep two cores busy, not starved. */
  public static final int DEFAULT_BATCH = 4;
  /**
   * How long a start waits after a batch serves for the network to settle: every peer started a
   * member, Up and reachable, as peer 0 sees it.
   */
  public static final Duration SETTLE_BOUND = Duration.ofSeconds(60);
  /** How long the peers have to leave gracefully before they are terminated. */
  public static final Duration LEAVE_BOUND = Duration.ofSeconds(30);

  private final List<PeerProcess> peers = new CopyOnWriteArrayList<>();
  private final List<JsonNode> infos = new CopyOnWriteArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "kadence-local-net-stop");
  private boolean closed;

  private LocalNetwork() {}

  /** Starts the peers {@link #DEFAULT_BATCH} at a time; see {@link #start(List, PeerLauncher,
   * Duration, int, PrintWriter)}. */
  public static LocalNetwork start(List<PeerSpec> specs, PeerLauncher launcher,
      Duration timeout, PrintWriter progress) {
    return start(specs, launcher, timeout, DEFAULT_BATCH, progress);
  }

  /**
   * Starts the peers and returns once all serve: peer 0 first, then the others {@code batch}
   * at a time, each batch serving and the network settled (at most {@link #SETTLE_BOUND})
   * before the next starts.
   *
   * @param timeout how long all of them have, in all
   * @param progress where to say what is happening
   * @throws CliException if a port is taken, a peer fails or does not serve within
   *     {@code timeout} (saying which, how many serve, and its log's last line); the peers
   *     already started are stopped
   */
  public static LocalNetwork start(List<PeerSpec> specs, PeerLauncher launcher,
      Duration timeout, int batch, PrintWriter progress) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    checkPortsFree(specs);
    LocalNetwork net = new LocalNetwork();
    Runtime.getRuntime().addShutdownHook(net.shutdownHook);
    Instant deadline = Instant.now().plus(timeout);
    try {
      progress.printf("starting peer 0 (logs in %s)%n", specs.get(0).logFile());
      progress.flush();
      net.launch(specs.get(0), launcher);
      net.awaitServing(0, specs.size(), deadline, timeout);
      for (int from = 1; from < specs.size(); from += batch) {
        int to = Math.min(specs.size(), from + batch);
        progress.printf("starting %s, joining through peer 0%n",
            to - from == 1 ? "peer " + from : "peers " + from + ".." + (to - 1));
        progress.flush();
        for (PeerSpec spec : specs.subList(from, to)) {
          net.launch(spec, launcher);
        }
        for (int i = from; i < to; i++) {
          net.awaitServing(i, specs.size(), deadline, timeout);
        }
        net.awaitSettled(to, deadline, progress);
      }
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /**
   * Waits until peer 0 lists {@code started} members, all Up and reachable, for at most
   * {@link #SETTLE_BOUND} and never past {@code deadline}, then goes on either way (saying so if
   * it had to). Up means the gossip has converged on a member; until then peers gossip more
   * often (up to three times), so a batch started then adds its start-up to a busy machine.
   */
  private void awaitSettled(int started, Instant deadline, PrintWriter progress) {
    Instant until = Instant.now().plus(SETTLE_BOUND);
    if (until.isAfter(deadline)) {
      until = deadline;
    }
    StringBuilder last = new StringBuilder();
    if (!peers.get(0).awaitSettled(started, until, last)) {
      progress.printf("the network of %d has not settled (peer 0: %s); going on%n", started, last);
      progress.flush();
    }
  }

  private void awaitServing(int index, int total, Instant deadline, Duration timeout) {
    try {
      infos.add(peers.get(index).awaitServing(deadline));
    } catch (PeerProcess.NotServingException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage() + "; " + infos.size() + " of "
          + total + " peers were serving after the start timeout of " + timeout.toSeconds()
          + " s (a loaded machine may need a longer --start-timeout or a smaller "
          + "--start-batch)", e);
    }
  }

  /** The running peers, in index order. */
  public List<PeerProcess> peers() {
    return List.copyOf(peers);
  }

  @Override
  public List<PeerSpec> specs() {
    return peers.stream().map(PeerProcess::spec).toList();
  }

  @Override
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
