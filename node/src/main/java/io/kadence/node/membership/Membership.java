package io.kadence.node.membership;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.node.routing.RoutingTableActor;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Cluster-mode membership (DESIGN.md, "Membership"): turns Pekko Cluster's member and
 * reachability events, which come from its phi-accrual failure detector, gossip and the Split
 * Brain Resolver, into routing-table updates and change notices for the node.
 *
 * <ul>
 *   <li>member up, or reachable again: the routing actor pings it; it enters the table only if
 *       its signed PONG proves the node ID it announced ({@link MemberIds});
 *   <li>member unreachable or removed: evicted from the routing table at once;
 *   <li>any of these: the node is told the peer set changed, so it re-replicates records.
 * </ul>
 */
public final class Membership extends AbstractBehavior<Membership.Command> {
  /** What membership handles: cluster events, adapted. */
  public sealed interface Command {}

  /** What membership tells the node. */
  public sealed interface Change {}

  /** This node is Up in the cluster: it has joined. */
  public record SelfJoined() implements Change {}

  /** This node is exiting or was removed from the cluster (it left, or was downed). */
  public record SelfRemoved() implements Change {}

  /** Another member came, went, or changed reachability: replica sets may have changed. */
  public record PeersChanged(String why) implements Change {}

  private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

  private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {}

  private record Joined(SelfUp up) implements Command {}

  private final NodeId self;
  private final Member selfMember;
  private final ActorRef<RoutingTableActor.Command> routing;
  private final ActorRef<Change> node;

  private Membership(ActorContext<Command> context, NodeId self,
      ActorRef<RoutingTableActor.Command> routing, ActorRef<Change> node) {
    super(context);
    this.self = self;
    this.selfMember = Cluster.get(context.getSystem()).selfMember();
    this.routing = routing;
    this.node = node;
  }

  /** Membership of the node {@code self}, reporting changes to {@code node}. */
  public static Behavior<Command> create(NodeId self, ActorRef<RoutingTableActor.Command> routing,
      ActorRef<Change> node) {
    return Behaviors.setup(ctx -> {
      Cluster cluster = Cluster.get(ctx.getSystem());
      cluster.subscriptions().tell(Subscribe.create(
          ctx.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new),
          ClusterEvent.MemberEvent.class));
      cluster.subscriptions().tell(Subscribe.create(
          ctx.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
          ClusterEvent.ReachabilityEvent.class));
      cluster.subscriptions().tell(Subscribe.create(
          ctx.messageAdapter(SelfUp.class, Joined::new), SelfUp.class));
      return new Membership(ctx, self, routing, node);
    });
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(MemberChanged.class, this::onMemberChanged)
        .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
        .onMessage(Joined.class, this::onJoined)
        .build();
  }

  private Behavior<Command> onJoined(Joined msg) {
    getContext().getLog().info("membership {}: joined the cluster as {}", self.shortHex(),
        selfMember.address());
    node.tell(new SelfJoined());
    return this;
  }

  private Behavior<Command> onMemberChanged(MemberChanged msg) {
    Member member = msg.event().member();
    if (member.uniqueAddress().equals(selfMember.uniqueAddress())) {
      // Exiting is as far as a leaving member sees itself go: the leader then removes it, and
      // Pekko stops its actor system.
      if (msg.event() instanceof ClusterEvent.MemberExited
          || msg.event() instanceof ClusterEvent.MemberRemoved) {
        node.tell(new SelfRemoved());
      }
      return this;
    }
    Optional<Contact> contact = MemberIds.contactOf(member);
    if (contact.isEmpty()) {
      getContext().getLog().warn("membership {}: member {} announces no node id; ignored",
          self.shortHex(), member.address());
      return this;
    }
    if (msg.event() instanceof ClusterEvent.MemberUp) {
      getContext().getLog().info("membership {}: member up {}", self.shortHex(), contact.get());
      routing.tell(new RoutingTableActor.Probe(contact.get()));
      node.tell(new PeersChanged("up " + contact.get()));
    } else if (msg.event() instanceof ClusterEvent.MemberRemoved) {
      getContext().getLog().info("membership {}: member removed {}", self.shortHex(), contact.get());
      routing.tell(new RoutingTableActor.Evict(contact.get().id()));
      node.tell(new PeersChanged("removed " + contact.get()));
    }
    return this;
  }

  private Behavior<Command> onReachabilityChanged(ReachabilityChanged msg) {
    Optional<Contact> contact = MemberIds.contactOf(msg.event().member());
    if (contact.isEmpty()) {
      return this;
    }
    if (msg.event() instanceof ClusterEvent.UnreachableMember) {
      getContext().getLog().info("membership {}: unreachable {}", self.shortHex(), contact.get());
      routing.tell(new RoutingTableActor.Evict(contact.get().id()));
      node.tell(new PeersChanged("unreachable " + contact.get()));
    } else if (msg.event() instanceof ClusterEvent.ReachableMember) {
      getContext().getLog().info("membership {}: reachable again {}", self.shortHex(),
          contact.get());
      routing.tell(new RoutingTableActor.Probe(contact.get()));
      node.tell(new PeersChanged("reachable " + contact.get()));
    }
    return this;
  }
}
