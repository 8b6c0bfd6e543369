package io.kadence.cli.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.node.HttpAddress;
import io.kadence.cli.node.NodeConfig;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local network whose peers all run in this JVM ({@code local-net --one-jvm}): one
 * {@link KadenceNode}, with its own actor system, ports and data dir, per peer. It exists to
 * measure what a peer costs when the JVM's fixed costs (classes, JIT, GC, thread stacks of the
 * runtime) are shared; it is not how peers are deployed. Each peer's {@code node.log} holds the
 * banner of {@code kadence node} (its id, peer address and HTTP URL), so
 * {@code kadence bench --local-net DIR} finds it as it finds a peer process; the peers' logs go
 * to this process's stderr.
 */
public final class InJvmNetwork implements PeerNetwork {
  private final List<PeerSpec> specs = new CopyOnWriteArrayList<>();
  private final List<KadenceNode> nodes = new CopyOnWriteArrayList<>();
  private final List<JsonNode> infos = new CopyOnWriteArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "kadence-local-net-stop");
  private boolean closed;

  private InJvmNetwork() {}

  /**
   * Starts the peers in this JVM and returns once all serve: peer 0, then the others
   * {@code batch} at a time.
   *
   * @param lean whether the peers run with the lean settings ({@code kadence-lean.conf})
   * @param timeout how long all of them have, in all
   * @throws CliException if a peer fails to start or the timeout passes; every peer started is
   *     stopped
   */
  public static InJvmNetwork start(List<PeerSpec> plan, boolean lean, Duration timeout,
      int batch, PrintWriter progress) {
    InJvmNetwork net = new InJvmNetwork();
    Runtime.getRuntime().addShutdownHook(net.shutdownHook);
    Instant deadline = Instant.now().plus(timeout);
    ExecutorService starters = Executors.newFixedThreadPool(batch, r -> {
      Thread t = new Thread(r, "kadence-local-net-start");
      t.setDaemon(true);
      return t;
    });
    try {
      progress.printf("starting peer 0 in this JVM (data in %s)%n", plan.get(0).dataDir());
      progress.flush();
      net.startBatch(plan.subList(0, 1), lean, deadline, starters);
      for (int from = 1; from < plan.size(); from += batch) {
        int to = Math.min(plan.size(), from + batch);
        progress.printf("starting %s in this JVM, joining through peer 0%n",
            to - from == 1 ? "peer " + from : "peers " + from + ".." + (to - 1));
        progress.flush();
        net.startBatch(plan.subList(from, to), lean, deadline, starters);
      }
      for (PeerSpec spec : net.specs) {
        net.infos.add(new NodeClient(spec.httpUrl(), Duration.ofSeconds(2),
            Duration.ofSeconds(10)).get("/v1/node"));
      }
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    } finally {
      starters.shutdown();
    }
  }

  private void startBatch(List<PeerSpec> batch, boolean lean, Instant deadline,
      ExecutorService starters) {
    List<CompletableFuture<KadenceNode>> starting = new ArrayList<>();
    for (PeerSpec spec : batch) {
      starting.add(CompletableFuture.supplyAsync(() -> startPeer(spec, lean), starters));
    }
    CliException failure = null;
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<KadenceNode> future = starting.get(i);
      PeerSpec spec = batch.get(i);
      try {
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        KadenceNode node = future.get(left, TimeUnit.MILLISECONDS);
        specs.add(spec);
        nodes.add(node);
      } catch (TimeoutException e) {
        // Stop it whenever it does start: the caller gives up on the network.
        future.thenAccept(KadenceNode::terminate);
        failure = failure != null ? failure : new CliException(ExitCodes.FAILURE, "peer "
            + spec.index() + " did not serve in time; " + nodes.size() + " of the peers were "
            + "serving (a loaded machine may need a longer --start-timeout or a smaller "
            + "--start-batch)");
      } catch (ExecutionException e) {
        failure = failure != null ? failure : new CliException(ExitCodes.FAILURE, "peer "
            + spec.index() + " failed to start: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.FAILURE, "interrupted while starting", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static KadenceNode startPeer(PeerSpec spec, boolean lean) {
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("kadence.node.host", PeerSpec.HOST);
    flags.put("kadence.node.port", spec.port());
    flags.put("kadence.http.port", spec.httpPort());
    flags.put("kadence.node.data-dir", spec.dataDir().toString());
    // One cluster MBean per JVM: the peers after the first would each warn that it is taken.
    flags.put("pekko.cluster.jmx.enabled", false);
    if (spec.bootstrap() != null) {
      flags.put("kadence.node.bootstrap", List.of(spec.bootstrap().toString()));
    }
    NodeConfig config = NodeConfig.load(null, flags, lean);
    try {
      Files.createDirectories(spec.dataDir());
      KadenceNode node = KadenceNode.start(config.settings(), config.user());
      Files.writeString(spec.logFile(), "node     " + node.id().toHex() + "\n"
          + "peer     " + node.address() + "\n" + "http     " + HttpAddress.of(node) + "\n"
          + "in the JVM of process " + ProcessHandle.current().pid() + "\n",
          StandardCharsets.UTF_8);
      return node;
    } catch (KadenceException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot write " + spec.logFile() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<PeerSpec> specs() {
    return List.copyOf(specs);
  }

  @Override
  public List<JsonNode> infos() {
    return List.copyOf(infos);
  }

  /** Every peer leaves at once (hand-off included), bounded; then any still up is stopped. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<CompletableFuture<?>> leaving = new ArrayList<>();
    for (KadenceNode node : nodes) {
      leaving.add(node.leave().toCompletableFuture());
    }
    Instant deadline = Instant.now().plus(LocalNetwork.LEAVE_BOUND);
    for (CompletableFuture<?> left : leaving) {
      try {
        left.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
            TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // stopped below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<CompletableFuture<?>> stopping = new ArrayList<>();
    for (KadenceNode node : nodes) {
      stopping.add(node.terminate().toCompletableFuture());
    }
    for (CompletableFuture<?> stopped : stopping) {
      try {
        stopped.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // nothing more to do for this one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this is the hook
    }
  }
}
