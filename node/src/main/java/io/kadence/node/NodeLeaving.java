package io.kadence.node;

import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.membership.Membership;
import io.kadence.node.replication.Replicator;
import io.kadence.node.settings.NodeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.pattern.StatusReply;

/**
 * The guardian's behavior while its node leaves (DESIGN.md, "Data placement": graceful leave
 * hands every record to its new replica set before the node exits). The steps, in order: hand
 * every record to its replica set without this node, drop what was handed off, send a signed
 * LEAVE to every routing contact, then leave the cluster; the node stops when the cluster has
 * removed it or the leave timeout ends, whichever is first. Meanwhile puts, gets and lookups
 * are refused and the questions about this peer are answered. A leave requested again while one
 * runs (an operator's second request, or the SIGTERM that follows an HTTP leave) gets the same
 * answer when it ends, instead of an error that made {@code kadence node} stop at once in the
 * middle of the hand-off.
 */
final class NodeLeaving extends AbstractBehavior<NodeGuardian.Command> {
  private final NodeParts parts;
  private final NodeSettings settings;
  private final NodeOperations operations;
  private final NodeQueries queries;
  private final Supplier<Duration> uptime;
  private final List<ActorRef<StatusReply<LeaveResult>>> replyTo = new ArrayList<>();
  private Replicator.RunResult handOff;
  private int notified;
  private LeaveResult answer;

  private NodeLeaving(ActorContext<NodeGuardian.Command> context, NodeParts parts,
      NodeSettings settings, NodeOperations operations, NodeQueries queries,
      Supplier<Duration> uptime, ActorRef<StatusReply<LeaveResult>> first) {
    super(context);
    this.parts = parts;
    this.settings = settings;
    this.operations = operations;
    this.queries = queries;
    this.uptime = uptime;
    this.replyTo.add(first);
  }

  /** Starts the hand-off and the leave timeout; the guardian becomes this behavior. */
  static Behavior<NodeGuardian.Command> start(ActorContext<NodeGuardian.Command> context,
      TimerScheduler<NodeGuardian.Command> timers, NodeParts parts, NodeSettings settings,
      NodeOperations operations, NodeQueries queries, Supplier<Duration> uptime,
      ActorRef<StatusReply<LeaveResult>> first) {
    timers.cancel(NodeGuardian.Tick.REFRESH);
    timers.startSingleTimer(NodeGuardian.Tick.LEAVE_TIMEOUT, settings.network().leaveTimeout());
    context.getLog().info("node {}: leaving: handing records on", parts.self().id().shortHex());
    context.pipeToSelf(Asks.ask(parts.replicator(), Replicator.HandOff::new,
            settings.network().leaveTimeout(), context.getSystem().scheduler()),
        (result, failure) -> new NodeGuardian.HandedOff(
            failure == null ? result : failed(failure)));
    return new NodeLeaving(context, parts, settings, operations, queries, uptime, first);
  }

  @Override
  public Receive<NodeGuardian.Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(NodeGuardian.Leave.class, this::onLeave)
        .onMessage(NodeGuardian.HandedOff.class, this::onHandedOff)
        .onMessage(NodeGuardian.ContactsNotified.class, this::onContactsNotified)
        .onMessage(NodeGuardian.MembershipChanged.class, this::onMembershipChanged)
        .onMessageEquals(NodeGuardian.Tick.LEAVE_TIMEOUT, this::onLeaveTimeout)
        .onMessage(NodeGuardian.Query.class, this::onQuery)
        .onMessage(NodeGuardian.Put.class, this::onRequest)
        .onMessage(NodeGuardian.Get.class, this::onRequest)
        .onMessage(NodeGuardian.Lookup.class, this::onRequest)
        .onMessage(NodeGuardian.AwaitServing.class, this::onAwaitServing)
        .onMessage(NodeGuardian.Command.class, this::onOther)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  /** Another request to leave: answered with this leave's result when it ends. */
  private Behavior<NodeGuardian.Command> onLeave(NodeGuardian.Leave msg) {
    replyTo.add(msg.replyTo());
    return this;
  }

  private Behavior<NodeGuardian.Command> onHandedOff(NodeGuardian.HandedOff msg) {
    handOff = msg.result();
    getContext().pipeToSelf(dropHandedOffAndNotify(),
        (acks, failure) -> new NodeGuardian.ContactsNotified(failure == null ? acks : 0));
    return this;
  }

  private Behavior<NodeGuardian.Command> onContactsNotified(NodeGuardian.ContactsNotified msg) {
    notified = msg.acknowledged();
    getContext().getLog().info("node {}: leaving the cluster", parts.self().id().shortHex());
    Cluster cluster = Cluster.get(getContext().getSystem());
    cluster.manager().tell(Leave.create(cluster.selfMember().address()));
    return this;
  }

  private Behavior<NodeGuardian.Command> onMembershipChanged(
      NodeGuardian.MembershipChanged msg) {
    return msg.change() instanceof Membership.SelfRemoved ? finish(true) : this;
  }

  private Behavior<NodeGuardian.Command> onLeaveTimeout() {
    getContext().getLog().warn("node {}: leave did not finish within {}; stopping anyway",
        parts.self().id().shortHex(), settings.network().leaveTimeout());
    return finish(false);
  }

  private Behavior<NodeGuardian.Command> onQuery(NodeGuardian.Query query) {
    queries.answer(query, parts, NodeState.LEAVING, uptime.get());
    return this;
  }

  private Behavior<NodeGuardian.Command> onRequest(NodeGuardian.Command request) {
    operations.refuse(request, "node is leaving, not serving");
    return this;
  }

  private Behavior<NodeGuardian.Command> onAwaitServing(NodeGuardian.AwaitServing msg) {
    msg.replyTo().tell(StatusReply.error("node is leaving"));
    return this;
  }

  /** Table and membership changes, refresh targets: nothing to do for a node on its way out. */
  private Behavior<NodeGuardian.Command> onOther(NodeGuardian.Command msg) {
    return this;
  }

  /** The system may stop under a leave (the cluster shuts an exiting member down): answer it. */
  private Behavior<NodeGuardian.Command> onPostStop() {
    reply(false);
    return this;
  }

  private Behavior<NodeGuardian.Command> finish(boolean leftCluster) {
    reply(leftCluster);
    return Behaviors.stopped();
  }

  /** A hand-off that could not even start. */
  private static Replicator.RunResult failed(Throwable failure) {
    return new Replicator.RunResult(0, 0, 0, 0, List.of(),
        Optional.of(String.valueOf(failure.getMessage())));
  }

  /**
   * Drops the records every new replica acknowledged, and tells every contact this node is
   * leaving; completes with how many acknowledged the LEAVE.
   */
  private CompletionStage<Integer> dropHandedOffAndNotify() {
    CompletionStage<?> dropped = handOff.fullyReplicated().isEmpty()
        ? CompletableFuture.completedFuture(null)
        : parts.store().handedOff(handOff.fullyReplicated());
    // The contacts are read from the routing table's view, not asked of the routing actor: an
    // ask that timed out left every contact without its LEAVE.
    List<Contact> contacts = parts.contacts().all();
    return dropped.exceptionally(e -> null).thenCompose(d -> {
      List<CompletableFuture<Boolean>> acks = contacts.stream()
          .map(c -> parts.rpc().call(c, new Message.Leave(), settings.lookup().requestTimeout())
              .handle((reply, failure) -> failure == null).toCompletableFuture())
          .toList();
      return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .thenApply(v -> (int) acks.stream().filter(CompletableFuture::join).count());
    });
  }

  /** Answers the leave requests, once; later calls do nothing. */
  private void reply(boolean leftCluster) {
    if (answer != null) {
      return;
    }
    Replicator.RunResult result = handOff == null ? failed(new IllegalStateException("timeout"))
        : handOff;
    answer = new LeaveResult(result.records(), result.fullyReplicated().size(), result.failed(),
        notified, leftCluster);
    replyTo.forEach(r -> r.tell(StatusReply.success(answer)));
    replyTo.clear();
  }
}
