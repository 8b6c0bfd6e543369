package io.kadence.node;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.LookupReport;
import io.kadence.node.lookup.PutResult;
import io.kadence.node.membership.MemberDirectory;
import io.kadence.node.membership.Membership;
import io.kadence.node.replication.Replicator;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.storage.JournalSchema;
import io.kadence.node.transport.NodeStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.pattern.StatusReply;

/**
 * The root actor of a peer (DESIGN.md, "Inside one peer"): opens the journal, starts the parts
 * in order ({@link NodeParts}), joins the network, then serves the node's API — put, get,
 * lookup, info, leave — by spawning one coordinator per request. Owns the lifecycle
 * {@link NodeState}: starting, joining, serving, then leaving (the behavior {@link NodeLeaving}),
 * stopped. When it stops, the actor system terminates.
 */
public final class NodeGuardian extends AbstractBehavior<NodeGuardian.Command> {
  /** What the node's API sends the guardian; every reply is a {@link StatusReply}. */
  public sealed interface Command {}

  /** Publish {@code value} under {@code key} for {@code ttl}, if {@code expected} holds. */
  public record Put(Key key, byte[] value, Duration ttl, ExpectedSequence expected,
      ActorRef<StatusReply<PutResult>> replyTo) implements Command {}

  /** Read the records of {@code key}. */
  public record Get(Key key, ActorRef<StatusReply<GetResult>> replyTo) implements Command {}

  /** Find the k closest nodes to {@code target}, with a trace. */
  public record Lookup(NodeId target, ActorRef<StatusReply<LookupReport>> replyTo)
      implements Command {}

  /** Hand every record on, tell the contacts, leave the cluster, stop. */
  public record Leave(ActorRef<StatusReply<LeaveResult>> replyTo) implements Command {}

  /** Answered once the node serves, or with the reason it cannot. */
  public record AwaitServing(ActorRef<StatusReply<Contact>> replyTo) implements Command {}

  /** A question about this peer alone, answered in any state ({@link NodeQueries}). */
  public sealed interface Query extends Command {}

  /** The node's identity, state and counters. */
  public record GetInfo(ActorRef<StatusReply<NodeInfo>> replyTo) implements Query {}

  /** The records this peer itself holds for {@code key}, without asking the network. */
  public record GetHeld(Key key, ActorRef<StatusReply<List<SignedRecord>>> replyTo)
      implements Query {}

  /**
   * Every live record this peer itself holds, for the HTTP API's {@code /v1/local/keys}: how
   * tests and operators count the copies of a key without asking the network.
   */
  public record GetAllHeld(ActorRef<StatusReply<List<SignedRecord>>> replyTo)
      implements Query {}

  /** The routing table by bucket. */
  public record GetRouting(ActorRef<StatusReply<RoutingTableActor.RoutingSnapshot>> replyTo)
      implements Query {}

  /** Everything a guardian is started with. */
  public record Start(NodeSettings settings, NodeKeyPair identity, Path contactsFile,
      List<HostPort> seeds, NodeStats stats, MemberDirectory members, Clock clock) {}

  private record SchemaReady(Throwable failure) implements Command {}

  record MembershipChanged(Membership.Change change) implements Command {}

  private record TableChanged(RoutingTableActor.ContactsChanged change) implements Command {}

  /** The ids to look up to refresh idle buckets. */
  record Refresh(List<NodeId> targets) implements Command {}

  /** A leave's hand-off ended ({@link NodeLeaving}). */
  record HandedOff(Replicator.RunResult result) implements Command {}

  /** A leave's LEAVE messages were sent; {@code acknowledged} contacts answered. */
  record ContactsNotified(int acknowledged) implements Command {}

  enum Tick implements Command { JOIN_TIMEOUT, REFRESH, LEAVE_TIMEOUT }

  private final Start start;
  private final TimerScheduler<Command> timers;
  private final long startedNanos = System.nanoTime();
  private final List<ActorRef<StatusReply<Contact>>> awaitingServing = new ArrayList<>();
  private final NodeOperations operations;
  private final NodeQueries queries;
  private NodeState state = NodeState.STARTING;
  private NodeParts parts;
  private String failure;

  private NodeGuardian(ActorContext<Command> context, TimerScheduler<Command> timers,
      Start start) {
    super(context);
    this.timers = timers;
    this.start = start;
    this.operations = new NodeOperations(context, start.settings(), start.identity(),
        start.clock());
    this.queries = new NodeQueries(context, start.settings(), start.stats());
  }

  /** The guardian of a peer; the actor system's root behavior. */
  public static Behavior<Command> create(Start start) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ctx.pipeToSelf(JournalSchema.ensure(ctx.getSystem()), (done, e) -> new SchemaReady(e));
      timers.startSingleTimer(Tick.JOIN_TIMEOUT, start.settings().network().joinTimeout());
      return new NodeGuardian(ctx, timers, start);
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(SchemaReady.class, this::onSchemaReady)
        .onMessage(AwaitServing.class, this::onAwaitServing)
        .onMessage(MembershipChanged.class, this::onMembershipChanged)
        .onMessage(TableChanged.class, this::onTableChanged)
        .onMessage(Put.class, this::onRequest)
        .onMessage(Get.class, this::onRequest)
        .onMessage(Lookup.class, this::onRequest)
        .onMessage(Query.class, this::onQuery)
        .onMessage(Leave.class, this::onLeave)
        .onMessage(Refresh.class, this::onRefreshTargets)
        .onMessageEquals(Tick.JOIN_TIMEOUT, this::onJoinTimeout)
        .onMessageEquals(Tick.REFRESH, this::onRefresh)
        .build();
  }

  private Behavior<Command> onSchemaReady(SchemaReady msg) {
    if (msg.failure() != null) {
      return fail("cannot open the journal database in the data dir: "
          + msg.failure().getMessage());
    }
    Cluster cluster = Cluster.get(getContext().getSystem());
    Address address = cluster.selfMember().address();
    Contact self = new Contact(NodeId.of(start.identity().nodeId()), address.host().get(),
        (Integer) address.port().get());
    parts = NodeParts.spawn(getContext(), start.settings(), start.identity(), self,
        start.clock(), start.stats(), start.members(), start.contactsFile(),
        getContext().messageAdapter(RoutingTableActor.ContactsChanged.class, TableChanged::new),
        getContext().messageAdapter(Membership.Change.class, MembershipChanged::new));
    state = NodeState.JOINING;
    operations.join(self, start.seeds());
    return this;
  }

  private Behavior<Command> onAwaitServing(AwaitServing msg) {
    if (state == NodeState.SERVING) {
      msg.replyTo().tell(StatusReply.success(parts.self()));
    } else if (failure != null) {
      msg.replyTo().tell(StatusReply.error(failure));
    } else {
      awaitingServing.add(msg.replyTo());
    }
    return this;
  }

  private Behavior<Command> onMembershipChanged(MembershipChanged msg) {
    if (msg.change() instanceof Membership.SelfJoined && state == NodeState.JOINING) {
      state = NodeState.SERVING;
      timers.cancel(Tick.JOIN_TIMEOUT);
      getContext().getLog().info("node {}: serving at {}", parts.self().id().shortHex(),
          parts.self().address());
      awaitingServing.forEach(r -> r.tell(StatusReply.success(parts.self())));
      awaitingServing.clear();
      // A lookup of the node's own id fills the buckets near it (Kademlia, section 2.3 join).
      operations.refresh(List.of(parts.self().id()));
      timers.startTimerWithFixedDelay(Tick.REFRESH, refreshTick());
    } else if (msg.change() instanceof Membership.PeersChanged && state == NodeState.SERVING) {
      // A member removed after it was unreachable changes no routing table (it left the table
      // at the unreachable verdict), but the replicator kept it in its replica sets until now.
      parts.replicator().tell(new Replicator.PeersChanged());
    } else if (msg.change() instanceof Membership.SelfRemoved) {
      getContext().getLog().warn("node {}: removed from the cluster (downed); stopping",
          parts.self().id().shortHex());
      return Behaviors.stopped();
    }
    return this;
  }

  private Behavior<Command> onTableChanged(TableChanged msg) {
    if (state == NodeState.SERVING) {
      parts.replicator().tell(new Replicator.PeersChanged());
    }
    return this;
  }

  private Behavior<Command> onRequest(Command request) {
    if (state != NodeState.SERVING) {
      operations.refuse(request, "node is " + state.name().toLowerCase() + ", not serving");
      return this;
    }
    operations.route(parts, request);
    return this;
  }

  private Behavior<Command> onQuery(Query query) {
    queries.answer(query, parts, state, uptime());
    return this;
  }

  private Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private Behavior<Command> onLeave(Leave msg) {
    if (state != NodeState.SERVING) {
      msg.replyTo().tell(StatusReply.error("node is " + state.name().toLowerCase()
          + "; only a serving node can leave"));
      return this;
    }
    state = NodeState.LEAVING;
    return NodeLeaving.start(getContext(), timers, parts, start.settings(), operations, queries,
        this::uptime, msg.replyTo());
  }

  private Behavior<Command> onJoinTimeout() {
    return fail(start.seeds().isEmpty()
        ? "could not form a network within " + start.settings().network().joinTimeout()
        : "could not join the network through " + start.seeds() + " within "
            + start.settings().network().joinTimeout() + ": no bootstrap node answered");
  }

  private Behavior<Command> onRefresh() {
    operations.refreshIdleBuckets(parts);
    return this;
  }

  private Behavior<Command> onRefreshTargets(Refresh msg) {
    if (state == NodeState.SERVING) {
      operations.refresh(msg.targets());
    }
    return this;
  }

  private Behavior<Command> fail(String reason) {
    failure = reason;
    getContext().getLog().error("node {}: {}", NodeId.of(start.identity().nodeId()).shortHex(),
        reason);
    awaitingServing.forEach(r -> r.tell(StatusReply.error(reason)));
    awaitingServing.clear();
    state = NodeState.STOPPED;
    return Behaviors.stopped();
  }

  /** Refresh checks run this often: often enough for the refresh interval, at most a minute. */
  private Duration refreshTick() {
    Duration interval = start.settings().routing().refreshInterval().dividedBy(4);
    return interval.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : interval;
  }
}
