package io.kadence.node;

import com.typesafe.config.Config;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.routing.Contact;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.http.HttpApi;
import io.kadence.node.identity.DataDir;
import io.kadence.node.identity.DataDirException;
import io.kadence.node.membership.MemberDirectory;
import io.kadence.node.routing.SavedContacts;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.transport.NodeStats;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Starts a peer for {@link KadenceNode#start}: opens and locks the data dir, loads or creates
 * the identity, picks the nodes to join through, starts the actor system with the
 * {@link NodeGuardian} as its root, waits until the peer serves and binds the HTTP API. Every
 * failure stops what was started and becomes a {@link KadenceException} whose message says
 * what to fix (data dir not writable or in use, port in use, no bootstrap node answered).
 */
final class NodeStartup {
  private NodeStartup() {}

  static KadenceNode start(NodeSettings settings, Config user) throws KadenceException {
    DataDir dataDir = openDataDir(settings);
    ActorSystem<NodeGuardian.Command> system = null;
    try {
      NodeKeyPair identity = dataDir.identity();
      List<HostPort> seeds = seeds(settings, dataDir);
      Config config = PekkoConfig.forPeer(settings.network().host(), settings.network().port(),
          dataDir.path(), user);
      MemberDirectory members = new MemberDirectory();
      system = ActorSystem.create(NodeGuardian.create(new NodeGuardian.Start(settings, identity,
          dataDir.contactsFile(), seeds, new NodeStats(), members, Clock.systemUTC())),
          PekkoConfig.SYSTEM_NAME, config);
      Duration wait = settings.network().joinTimeout().plusSeconds(10);
      Contact self = await(Asks.askWithStatus(system, NodeGuardian.AwaitServing::new, wait,
          system.scheduler()), wait);
      KadenceNode node = new KadenceNode(system, dataDir, settings, self, members);
      // The HTTP API unbinds by itself when the actor system terminates.
      node.serveHttp(await(HttpApi.bind(node, settings.http()), Duration.ofSeconds(30)));
      return node;
    } catch (IOException e) {
      stop(system, dataDir);
      throw new KadenceException("cannot use the identity key in " + dataDir.path() + ": "
          + e.getMessage(), e);
    } catch (KadenceException e) {
      stop(system, dataDir);
      throw e;
    } catch (RuntimeException e) {
      stop(system, dataDir);
      throw new KadenceException(startFailure(settings, e), e);
    }
  }

  private static DataDir openDataDir(NodeSettings settings) throws KadenceException {
    try {
      return DataDir.open(settings.network().dataDir());
    } catch (DataDirException e) {
      throw new KadenceException(e.getMessage(), e);
    }
  }

  /** Bootstrap nodes if given, else the contacts saved by the last run, else none (new net). */
  private static List<HostPort> seeds(NodeSettings settings, DataDir dataDir) throws IOException {
    if (!settings.network().bootstrap().isEmpty()) {
      return settings.network().bootstrap();
    }
    return SavedContacts.load(dataDir.contactsFile()).stream()
        .map(c -> new HostPort(c.host(), c.port())).distinct().toList();
  }

  private static <T> T await(CompletionStage<T> stage, Duration timeout) throws KadenceException {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KadenceException("interrupted while starting", e);
    } catch (ExecutionException e) {
      throw new KadenceException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KadenceException("the node did not start within " + timeout, e);
    }
  }

  private static String startFailure(NodeSettings settings, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return "cannot listen on " + settings.network().host() + ":" + settings.network().port()
            + ": " + t.getMessage() + " (is another peer using that port? choose one with --port)";
      }
    }
    return "cannot start the node: " + e.getMessage();
  }

  private static void stop(ActorSystem<?> system, DataDir dataDir) {
    if (system != null) {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // it is going down anyway
      }
    }
    dataDir.close();
  }
}
