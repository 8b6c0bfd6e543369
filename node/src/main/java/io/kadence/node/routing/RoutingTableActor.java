package io.kadence.node.routing;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.BucketSnapshot;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ObserveResult;
import io.kadence.dht.routing.RemovalResult;
import io.kadence.dht.routing.RoutingTable;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Owns the peer's {@link RoutingTable} (Kademlia, section 2.2). Contacts enter only after a
 * signed message proved their node ID ({@link Verified}, reported by the transport); a full
 * bucket keeps the newcomer in the replacement cache and pings its least-recently-seen contact,
 * unless that one proved alive within {@code questionable-after} (BEP 5);
 * contacts leave on membership verdicts ({@link Evict}) or after {@code max-failures} failed
 * calls in a row. A contact that failed that way, or did not answer a probe, is pinged again
 * with backoff ({@link Liveness}) until it answers or membership gives up on it: a slow
 * peer is not left out of replica sets for good. The contacts are saved to the data dir soon
 * after every change ({@code save-delay}) and on stop, never an empty table over saved ones, so
 * a peer that crashed and restarts can rejoin through them. The bucket contacts are published
 * to a {@link ContactsView} on every change, for answering other peers without asking this actor.
 */
public final class RoutingTableActor extends AbstractBehavior<RoutingTableActor.Command> {
  /** What the routing actor handles. */
  public sealed interface Command {}

  /** A signed message from {@code contact} proved it is alive and owns its node ID. */
  public record Verified(Contact contact) implements Command {}

  /** A call to {@code contact} failed. */
  public record CallFailed(Contact contact) implements Command {}

  /** Membership saw a peer that is not yet proven: ping it, and add it if it answers. */
  public record Probe(Contact contact) implements Command {}

  /** Remove a peer now: the failure detector or SBR gave up on it, or it sent LEAVE. */
  public record Evict(NodeId id) implements Command {}

  /**
   * Remove every contact at {@code host:port} now: membership gave up on a member whose node ID
   * it has not learned (the table may hold it from the member's own requests).
   */
  public record EvictAt(String host, int port) implements Command {}

  /** The {@code n} contacts closest to {@code target}. */
  public record Closest(NodeId target, int n, ActorRef<List<Contact>> replyTo)
      implements Command {}

  /** This node started a lookup of {@code target}: its bucket was used (no refresh needed). */
  public record LookedUp(NodeId target) implements Command {}

  /** The buckets, for the shell's and the HTTP API's routing view. */
  public record GetSnapshot(ActorRef<RoutingSnapshot> replyTo) implements Command {}

  /** The buckets idle longer than the refresh interval, each with a random id in its range. */
  public record GetRefreshTargets(ActorRef<List<NodeId>> replyTo) implements Command {}

  /**
   * Told to the node's listener whenever a contact enters or leaves the table: replica sets
   * are computed from the table, so this is when they may change.
   */
  public record ContactsChanged(int size) {}

  /** What {@link GetSnapshot} answers. */
  public record RoutingSnapshot(NodeId self, int size, List<BucketSnapshot> buckets) {}

  private record PingAnswered(Contact contact, boolean alive) implements Command {}

  /** Timer: ping {@code contact} again (see {@link ProbeBackoff}). */
  private record Reprobe(Contact contact) implements Command {}

  private enum Save implements Command { INSTANCE }

  private final RoutingTable table;
  private final RoutingSettings settings;
  private final Optional<Path> contactsFile;
  private final ActorRef<ContactsChanged> listener;
  private final ContactsView view;
  private final Liveness liveness;
  private final java.util.Random random = new java.util.Random();
  private final TimerScheduler<Command> timers;

  private RoutingTableActor(ActorContext<Command> context, TimerScheduler<Command> timers,
      RoutingTable table, RoutingSettings settings, PeerRpc rpc, Optional<Path> contactsFile,
      ActorRef<ContactsChanged> listener, ContactsView view) {
    super(context);
    this.view = view;
    this.timers = timers;
    this.liveness = new Liveness(settings, rpc);
    this.listener = listener;
    this.table = table;
    this.settings = settings;
    this.contactsFile = contactsFile;
  }

  /**
   * The routing actor of the node {@code self}.
   *
   * @param contactsFile where to save contacts for rejoining, or empty to keep none
   * @param listener told {@link ContactsChanged} when a contact enters or leaves the table
   */
  public static Behavior<Command> create(NodeId self, RoutingSettings settings, PeerRpc rpc,
      Clock clock, Optional<Path> contactsFile, ActorRef<ContactsChanged> listener) {
    return create(self, settings, rpc, clock, contactsFile, listener, new ContactsView());
  }

  /** As above, keeping {@code view} equal to the table's bucket contacts. */
  public static Behavior<Command> create(NodeId self, RoutingSettings settings, PeerRpc rpc,
      Clock clock, Optional<Path> contactsFile, ActorRef<ContactsChanged> listener,
      ContactsView view) {
    RoutingTable table = new RoutingTable(self, settings.k(), settings.replacementCache(),
        settings.refreshInterval(), clock);
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new RoutingTableActor(ctx, timers, table, settings, rpc, contactsFile, listener, view)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Verified.class, this::onVerified)
        .onMessage(CallFailed.class, this::onCallFailed)
        .onMessage(Probe.class, this::onProbe)
        .onMessage(Evict.class, this::onEvict)
        .onMessage(EvictAt.class, this::onEvictAt)
        .onMessage(Closest.class, this::onClosest)
        .onMessage(LookedUp.class, this::onLookedUp)
        .onMessage(GetSnapshot.class, this::onGetSnapshot)
        .onMessage(GetRefreshTargets.class, this::onGetRefreshTargets)
        .onMessage(PingAnswered.class, this::onPingAnswered)
        .onMessage(Reprobe.class, this::onReprobe)
        .onMessageEquals(Save.INSTANCE, this::onSave)
        .onSignal(PostStop.class, signal -> onSave())
        .build();
  }

  private Behavior<Command> onVerified(Verified msg) {
    liveness.verified(msg.contact().id());
    ObserveResult result = table.observe(msg.contact());
    if (result instanceof ObserveResult.Added added) {
      getContext().getLog().debug("routing {}: added {}", self(), added.contact());
      changed();
    } else if (result instanceof ObserveResult.Updated updated && updated.addressChanged()) {
      view.publish(table.contacts());
    } else if (result instanceof ObserveResult.BucketFull full
        && !table.seenWithin(full.leastRecentlySeen().id(), settings.questionableAfter())) {
      ping(full.leastRecentlySeen());
    }
    return this;
  }

  private Behavior<Command> onCallFailed(CallFailed msg) {
    NodeId id = msg.contact().id();
    if (table.contains(id) && liveness.callFailed(id)) {
      evict(id, settings.maxFailures() + " failed calls");
      probeLater(msg.contact());
    }
    return this;
  }

  private Behavior<Command> onProbe(Probe msg) {
    liveness.probed(msg.contact().id());
    ping(msg.contact());
    return this;
  }

  private Behavior<Command> onEvict(Evict msg) {
    liveness.givenUp(msg.id());
    timers.cancel(reprobeKey(msg.id()));
    evict(msg.id(), "membership");
    return this;
  }

  private Behavior<Command> onEvictAt(EvictAt msg) {
    for (Contact contact : table.contacts()) {
      if (contact.port() == msg.port() && contact.host().equals(msg.host())) {
        onEvict(new Evict(contact.id()));
      }
    }
    return this;
  }

  private Behavior<Command> onClosest(Closest msg) {
    msg.replyTo().tell(table.closest(msg.target(), msg.n()));
    return this;
  }

  private Behavior<Command> onLookedUp(LookedUp msg) {
    table.touch(msg.target());
    return this;
  }

  private Behavior<Command> onGetSnapshot(GetSnapshot msg) {
    msg.replyTo().tell(new RoutingSnapshot(table.self(), table.size(), table.bucketSnapshots()));
    return this;
  }

  private Behavior<Command> onGetRefreshTargets(GetRefreshTargets msg) {
    msg.replyTo().tell(table.bucketsNeedingRefresh().stream()
        .map(index -> table.refreshTarget(index, random)).toList());
    return this;
  }

  private Behavior<Command> onPingAnswered(PingAnswered msg) {
    boolean current = liveness.pingAnswered(msg.contact().id(), msg.alive());
    if (msg.alive()) {
      // The transport reported the PONG as Verified, which already refreshed the contact.
      table.pingSucceeded(msg.contact().id());
      return this;
    }
    if (table.contains(msg.contact().id())) {
      evict(msg.contact().id(), "no answer to a ping");
    }
    if (current) {
      probeLater(msg.contact());
    }
    return this;
  }

  private Behavior<Command> onReprobe(Reprobe msg) {
    if (liveness.reprobeDue(msg.contact().id(), table.contains(msg.contact().id()))) {
      ping(msg.contact());
    }
    return this;
  }

  /** Pings {@code contact} again after its next backoff delay, unless it is given up. */
  private void probeLater(Contact contact) {
    liveness.reprobeDelay(contact.id()).ifPresentOrElse(
        delay -> timers.startSingleTimer(reprobeKey(contact.id()), new Reprobe(contact), delay),
        () -> getContext().getLog().info("routing {}: {} did not answer {} pings; not probing it"
            + " again until membership reports it", self(), contact, settings.reprobeAttempts()));
  }

  private static String reprobeKey(NodeId id) {
    return "reprobe-" + id.toHex();
  }

  /** The table changed: tell the node, and save the contacts soon (once per burst). */
  private void changed() {
    view.publish(table.contacts());
    listener.tell(new ContactsChanged(table.size()));
    if (!timers.isTimerActive(Save.INSTANCE)) {
      timers.startSingleTimer(Save.INSTANCE, settings.saveDelay());
    }
  }

  private Behavior<Command> onSave() {
    contactsFile.ifPresent(file -> {
      try {
        SavedContacts.saveUnlessEmpty(file, table.contacts());
      } catch (IOException e) {
        getContext().getLog().warn("routing {}: cannot save contacts to {}: {}", self(), file,
            e.getMessage());
      }
    });
    return this;
  }

  /** Pings {@code contact} once at a time; the answer comes back as {@link PingAnswered}. */
  private void ping(Contact contact) {
    liveness.ping(contact).ifPresent(answer -> getContext().pipeToSelf(answer,
        (reply, failure) -> new PingAnswered(contact, failure == null)));
  }

  private void evict(NodeId id, String why) {
    liveness.evicted(id);
    RemovalResult result = table.failed(id);
    if (result instanceof RemovalResult.Evicted evicted) {
      getContext().getLog().info("routing {}: evicted {} ({}){}", self(), evicted.evicted(), why,
          evicted.replacement().map(r -> ", replaced by " + r).orElse(""));
      changed();
    }
  }

  private String self() {
    return table.self().shortHex();
  }
}
