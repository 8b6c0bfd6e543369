package io.kadence.node.membership;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.node.routing.ProbeBackoff;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Cluster-mode membership (DESIGN.md, "Membership"): turns Pekko Cluster's member and
 * reachability events, which come from its phi-accrual failure detector, gossip and the Split
 * Brain Resolver, into routing-table updates and change notices for the node.
 *
 * <ul>
 *   <li>member up: identified by a PING addressed to anyone at its address
 *       ({@link PeerRpc#identify}); its signed PONG proves its node ID, enters it in the
 *       {@link MemberDirectory} and (through the transport's events) the routing table. A member
 *       that does not answer is tried again with backoff while it stays in the cluster;
 *   <li>member reachable again: the routing actor pings it (or it is identified, if it never
 *       was);
 *   <li>member unreachable or removed: evicted from the routing table at once (by ID, or by
 *       address if it was never identified); a removed member leaves the directory;
 *   <li>any of these: the node is told the peer set changed, so it re-replicates records.
 * </ul>
 *
 * <p>Members announce no node ID in the cluster's gossip (a role per member would make every
 * gossip carry and compare one role per member: O(N^2) work per gossip in Pekko's event
 * publisher); each peer learns each member's ID once, with one signed round trip.
 */
public final class Membership extends AbstractBehavior<Membership.Command> {
  /** What membership handles: cluster events, adapted, and its own messages. */
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

  private record Identified(Member member, Contact contact, Throwable failure)
      implements Command {}

  /** Timer: identify {@code member} again. */
  private record Reidentify(Member member) implements Command {}

  private final NodeId self;
  private final Member selfMember;
  private final ActorRef<RoutingTableActor.Command> routing;
  private final ActorRef<Change> node;
  private final PeerRpc rpc;
  private final RoutingSettings settings;
  private final MemberDirectory directory;
  private final TimerScheduler<Command> timers;
  private final ProbeBackoff<UniqueAddress> backoff;
  /** Members in the cluster and not yet identified, with whether an identify is out now. */
  private final Map<UniqueAddress, Boolean> unidentified = new HashMap<>();

  private Membership(ActorContext<Command> context, TimerScheduler<Command> timers, Contact self,
      ActorRef<RoutingTableActor.Command> routing, ActorRef<Change> node, PeerRpc rpc,
      RoutingSettings settings, MemberDirectory directory) {
    super(context);
    this.timers = timers;
    this.self = self.id();
    this.selfMember = Cluster.get(context.getSystem()).selfMember();
    directory.put(selfMember.uniqueAddress(), self);
    this.routing = routing;
    this.node = node;
    this.rpc = rpc;
    this.settings = settings;
    this.directory = directory;
    this.backoff = new ProbeBackoff<>(settings.reprobeMinBackoff(), settings.reprobeMaxBackoff(),
        settings.reprobeAttempts());
  }

  /**
   * Membership of the node {@code self}, reporting changes to {@code node}, identifying members
   * through {@code rpc} (with the ping timeout and backoff of {@code settings}) into
   * {@code directory}, where it enters itself first.
   */
  public static Behavior<Command> create(Contact self, ActorRef<RoutingTableActor.Command> routing,
      ActorRef<Change> node, PeerRpc rpc, RoutingSettings settings, MemberDirectory directory) {
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
      return Behaviors.withTimers(timers -> new Membership(ctx, timers, self, routing, node, rpc,
          settings, directory));
    });
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(MemberChanged.class, this::onMemberChanged)
        .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
        .onMessage(Joined.class, this::onJoined)
        .onMessage(Identified.class, this::onIdentified)
        .onMessage(Reidentify.class, this::onReidentify)
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
    if (msg.event() instanceof ClusterEvent.MemberUp) {
      identify(member);
    } else if (msg.event() instanceof ClusterEvent.MemberRemoved) {
      forget(member);
      Optional<Contact> contact = directory.remove(member.uniqueAddress());
      getContext().getLog().info("membership {}: member removed {}", self.shortHex(),
          describe(member, contact));
      evict(member, contact);
      node.tell(new PeersChanged("removed " + describe(member, contact)));
    }
    return this;
  }

  private Behavior<Command> onReachabilityChanged(ReachabilityChanged msg) {
    Member member = msg.event().member();
    Optional<Contact> contact = directory.contactOf(member);
    if (msg.event() instanceof ClusterEvent.UnreachableMember) {
      getContext().getLog().info("membership {}: unreachable {}", self.shortHex(),
          describe(member, contact));
      evict(member, contact);
      node.tell(new PeersChanged("unreachable " + describe(member, contact)));
    } else if (msg.event() instanceof ClusterEvent.ReachableMember) {
      getContext().getLog().info("membership {}: reachable again {}", self.shortHex(),
          describe(member, contact));
      if (contact.isPresent()) {
        routing.tell(new RoutingTableActor.Probe(contact.get()));
        node.tell(new PeersChanged("reachable " + contact.get()));
      } else {
        identify(member);
      }
    }
    return this;
  }

  /** Sends one PING to anyone at the member's address, unless one is out or it is known. */
  private void identify(Member member) {
    UniqueAddress key = member.uniqueAddress();
    Address address = member.address();
    if (directory.contactOf(member).isPresent() || Boolean.TRUE.equals(unidentified.get(key))) {
      return;
    }
    if (address.host().isEmpty() || address.port().isEmpty()) {
      getContext().getLog().warn("membership {}: member {} has no host and port; ignored",
          self.shortHex(), address);
      return;
    }
    unidentified.put(key, Boolean.TRUE);
    getContext().pipeToSelf(rpc.identify(address.host().get(), (Integer) address.port().get(),
        settings.pingTimeout()), (contact, failure) -> new Identified(member, contact, failure));
  }

  private Behavior<Command> onIdentified(Identified msg) {
    UniqueAddress key = msg.member().uniqueAddress();
    if (!unidentified.containsKey(key)) {
      return this; // removed while the PING was out
    }
    if (msg.failure() == null) {
      forget(msg.member());
      directory.put(key, msg.contact());
      getContext().getLog().info("membership {}: member up {}", self.shortHex(), msg.contact());
      node.tell(new PeersChanged("up " + msg.contact()));
      return this;
    }
    unidentified.put(key, Boolean.FALSE);
    backoff.next(key).ifPresentOrElse(
        delay -> timers.startSingleTimer(key, new Reidentify(msg.member()), delay),
        () -> {
          unidentified.remove(key);
          getContext().getLog().warn("membership {}: member {} did not answer {} pings to "
              + "anyone ({}); left out of routing until it is reachable again", self.shortHex(),
              msg.member().address(), settings.reprobeAttempts(), msg.failure().getMessage());
        });
    return this;
  }

  private Behavior<Command> onReidentify(Reidentify msg) {
    if (unidentified.containsKey(msg.member().uniqueAddress())) {
      identify(msg.member());
    }
    return this;
  }

  /** Stops identifying {@code member}: it answered, or left the cluster. */
  private void forget(Member member) {
    unidentified.remove(member.uniqueAddress());
    backoff.clear(member.uniqueAddress());
    timers.cancel(member.uniqueAddress());
  }

  private void evict(Member member, Optional<Contact> contact) {
    if (contact.isPresent()) {
      routing.tell(new RoutingTableActor.Evict(contact.get().id()));
    } else if (member.address().host().isDefined() && member.address().port().isDefined()) {
      // Never identified here, but the routing table may hold it from its own requests.
      routing.tell(new RoutingTableActor.EvictAt(member.address().host().get(),
          (Integer) member.address().port().get()));
    }
  }

  private static String describe(Member member, Optional<Contact> contact) {
    return contact.map(Contact::toString).orElseGet(() -> "(not identified) " + member.address());
  }
}
