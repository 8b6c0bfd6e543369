package io.kadence.node;

import com.typesafe.config.Config;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.http.HttpServer;
import io.kadence.node.identity.DataDir;
import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.LookupReport;
import io.kadence.node.lookup.PutResult;
import io.kadence.node.membership.MemberDirectory;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.pattern.StatusReply;

/**
 * A running Kadence peer, for Java programs (DESIGN.md, "Interfaces"): start one with
 * {@link #start}, then {@link #put}, {@link #get}, {@link #lookup}, and {@link #leave} when done.
 * Every call returns a {@link CompletionStage} that fails with a message a person can act on.
 * A stage completes on one of the node's own threads, and callbacks chained with the non-async
 * methods ({@code thenApply}, {@code thenAccept}, ...) run there ({@link Asks}): keep them short,
 * and give blocking work (disk, database, another network call) your own executor with the
 * {@code ...Async(fn, executor)} methods, or it stalls the node.
 *
 * <pre>{@code
 * NodeSettings settings = NodeSettings.load(ConfigFactory.load());
 * KadenceNode node = KadenceNode.start(settings, ConfigFactory.empty());
 * node.put("greeting", "hello".getBytes(UTF_8)).toCompletableFuture().join();
 * }</pre>
 */
public final class KadenceNode implements AutoCloseable {
  private final ActorSystem<NodeGuardian.Command> system;
  private final DataDir dataDir;
  private final NodeSettings settings;
  private final Contact self;
  private final MemberDirectory members;
  /** Completes once the actor system has terminated and the data dir is released. */
  private final CompletionStage<Done> stopped;
  private volatile HttpServer http;

  KadenceNode(ActorSystem<NodeGuardian.Command> system, DataDir dataDir,
      NodeSettings settings, Contact self, MemberDirectory members) {
    this.system = system;
    this.members = members;
    this.dataDir = dataDir;
    this.settings = settings;
    this.self = self;
    this.stopped = system.getWhenTerminated().handle((done, e) -> {
      dataDir.close();
      return Done.getInstance();
    });
  }

  /**
   * Starts a peer and returns once it serves: it joined through one of the bootstrap nodes, or
   * (with none) through a contact saved by an earlier run, or started a new network.
   *
   * @param user extra Pekko or Kadence configuration, e.g. from a {@code --config} file
   * @throws KadenceException if the data dir, the port, or joining fails; nothing keeps running
   */
  public static KadenceNode start(NodeSettings settings, Config user) throws KadenceException {
    return NodeStartup.start(settings, user);
  }

  /** Called once by {@link NodeStartup}, after the peer serves. */
  void serveHttp(HttpServer server) {
    this.http = server;
  }

  /** This peer's node ID. */
  public NodeId id() {
    return self.id();
  }

  /** Where other peers reach this one (the bound port, if 0 was asked for). */
  public HostPort address() {
    return new HostPort(self.host(), self.port());
  }

  /** Where this peer's HTTP API listens (the bound port, if 0 was asked for). */
  public HostPort httpAddress() {
    return http.address();
  }

  /** This peer as a routing contact. */
  public Contact contact() {
    return self;
  }

  /** The peer's data directory (identity key, journal, saved contacts, admin token). */
  public java.nio.file.Path dataDir() {
    return dataDir.path();
  }

  /**
   * The peer's actor system, for extensions that run inside the peer (the HTTP API). Stopping
   * it stops the peer as {@link #terminate()} does.
   */
  public ActorSystem<?> actorSystem() {
    return system;
  }

  /**
   * The node IDs of the cluster members, as far as this peer has proven them (for the HTTP
   * API's member list, next to {@code Cluster.get(actorSystem()).state()}).
   */
  public MemberDirectory members() {
    return members;
  }

  /** The settings this peer runs with. */
  public NodeSettings settings() {
    return settings;
  }

  /** Publishes {@code value} under the user key {@code key} with the default TTL. */
  public CompletionStage<PutResult> put(String key, byte[] value) {
    return put(Key.of(key), value, null, ExpectedSequence.ANY);
  }

  /**
   * Publishes {@code value} under {@code key}, signed by this peer, for {@code ttl} (null: the
   * default), if {@code expected} holds (BEP 44 compare-and-swap). The result says how many
   * replicas stored it; {@link PutResult#success()} is false below the write quorum.
   */
  public CompletionStage<PutResult> put(Key key, byte[] value, Duration ttl,
      ExpectedSequence expected) {
    return ask(replyTo -> new NodeGuardian.Put(key, value.clone(), ttl, expected, replyTo));
  }

  /** The newest valid record of each publisher of the user key {@code key}. */
  public CompletionStage<GetResult> get(String key) {
    return get(Key.of(key));
  }

  /**
   * The newest valid record of each publisher of {@code key}. No records is "no such key" only
   * if {@link GetResult#notFound()}; if {@link GetResult#unavailable()}, too few replicas
   * answered to tell.
   */
  public CompletionStage<GetResult> get(Key key) {
    return ask(replyTo -> new NodeGuardian.Get(key, replyTo));
  }

  /** The k closest peers to {@code target}, with the lookup's trace. */
  public CompletionStage<LookupReport> lookup(NodeId target) {
    return ask(replyTo -> new NodeGuardian.Lookup(target, replyTo));
  }

  /**
   * The live records this peer itself holds for {@code key}, without asking the network: what
   * it would answer a FIND_VALUE with.
   */
  public CompletionStage<List<SignedRecord>> held(Key key) {
    return ask(replyTo -> new NodeGuardian.GetHeld(key, replyTo));
  }

  /**
   * Every live record this peer itself holds, in no particular order, without asking the
   * network: what it would hand on if it left. One list of references to the store's records
   * (at most {@code kadence.storage.max-records}).
   */
  public CompletionStage<List<SignedRecord>> heldRecords() {
    return ask(NodeGuardian.GetAllHeld::new);
  }

  /** Identity, state and counters. */
  public CompletionStage<NodeInfo> info() {
    return ask(NodeGuardian.GetInfo::new);
  }

  /** The routing table by bucket. */
  public CompletionStage<RoutingTableActor.RoutingSnapshot> routing() {
    return ask(NodeGuardian.GetRouting::new);
  }

  /**
   * Leaves gracefully: hands every record to its replica set without this peer, tells its
   * contacts, leaves the cluster and stops, within the leave timeout.
   */
  public CompletionStage<LeaveResult> leave() {
    Duration timeout = settings.network().leaveTimeout().plusSeconds(5);
    return Asks.askWithStatus(system, NodeGuardian.Leave::new, timeout, system.scheduler())
        .thenCombine(stopped, (result, done) -> result);
  }

  /**
   * Stops this peer at once, without hand-off or LEAVE: to the network it looks like a crash
   * (its failure detector notices, the Split Brain Resolver downs it). For tests and tools.
   */
  public CompletionStage<Done> terminate() {
    system.terminate();
    return stopped;
  }

  /** Completes when the peer has stopped, for whatever reason, and released its data dir. */
  public CompletionStage<Done> whenTerminated() {
    return stopped;
  }

  /** Leaves gracefully and waits for it (within the leave timeout). */
  @Override
  public void close() {
    if (stopped.toCompletableFuture().isDone()) {
      return;
    }
    try {
      leave().toCompletableFuture().get(settings.network().leaveTimeout().toSeconds() + 10,
          TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminate();
    } catch (ExecutionException | TimeoutException e) {
      terminate();
    }
  }

  private <T> CompletionStage<T> ask(
      Function<ActorRef<StatusReply<T>>, NodeGuardian.Command> request) {
    Duration timeout = settings.lookup().timeout().multipliedBy(2).plusSeconds(5);
    return Asks.askWithStatus(system, request, timeout, system.scheduler());
  }
}
