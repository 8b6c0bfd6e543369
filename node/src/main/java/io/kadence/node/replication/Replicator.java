package io.kadence.node.replication;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.routing.ContactsView;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Keeps {@code replication} copies of every record this node holds (DESIGN.md, "Data
 * placement"): after the peer set changes (debounced), every republish interval, and once more,
 * excluding itself, when the node leaves (hand-off). A run sends each record to the members of
 * its replica set, as this node's routing table sees it, with a bounded number of STOREs in
 * flight. One run at a time: a trigger during a run schedules another.
 *
 * <p>After a membership change, a run sends a record only to the members of its replica set that
 * are new to it (not a peer that acknowledged that exact record, nor one presumed to hold it),
 * and only if this node is one of the two reachable holders closest to the key ({@link Holders}:
 * what is presumed, and why). Republish and hand-off send to every member regardless. Within a
 * run, a peer whose STORE failed gets no more STOREs (they would wait out the same timeout), and
 * later runs after a table change leave it out for a backoff ({@link PeerBackoffs}).
 *
 * <p>A peer that left the routing table but is still a cluster member (unreachable, not yet
 * downed: perhaps only starved or paused) stays in the replica sets of re-replication and
 * republish: copies move only once the failure detector's verdict removes it. Moving them at
 * every unreachable verdict sent a network of 48 overloaded peers, whose members flapped, into
 * 50,000 STOREs in two minutes (2026-12-05, 20:04 UTC).
 */
public final class Replicator extends AbstractBehavior<Replicator.Command> {
  /** What the replicator handles. */
  public sealed interface Command {}

  /** The peer set changed: re-replicate after the debounce delay. */
  public record PeersChanged() implements Command {}

  /** Re-replicate now, without the debounce, and report the run (for tests and operators). */
  public record Rereplicate(ActorRef<RunResult> replyTo) implements Command {}

  /** The node is leaving: hand every record to its replica set without this node. */
  public record HandOff(ActorRef<RunResult> replyTo) implements Command {}

  /**
   * The outcome of one run.
   *
   * @param fullyReplicated the records every planned STORE of which was acknowledged
   * @param error why the run could not start (the store's records unavailable), if it could not
   */
  public record RunResult(int records, int sends, int stored, int failed,
      List<SignedRecord> fullyReplicated, Optional<String> error) {}

  private enum Tick implements Command { DEBOUNCED, REPUBLISH, RETRY }

  private record Loaded(List<SignedRecord> records, Throwable failure) implements Command {}

  private record Sent(ReplicationPlan.Send send, boolean stored) implements Command {}

  /** One requested run: what kind, and who waits for its result. */
  private record Run(boolean republish, boolean handOff, ActorRef<RunResult> replyTo) {}

  private final Contact self;
  private final ReplicatorSettings settings;
  private final PeerRpc rpc;
  private final RecordSource records;
  private final ContactsView contactsView;
  private final TimerScheduler<Command> timers;
  private final Holders holders;
  private Run running;
  private Run pending;
  private ReplicationRun run;
  private int inFlight;
  /** The contacts the previous run planned with: where puts since then went. */
  private List<Contact> previousContacts = List.of();
  /** The cluster's members that are not down or removed, for peers gone from the table. */
  private final Supplier<Set<Contact>> members;
  private final PeerBackoffs backoffs = new PeerBackoffs();
  /** The wait before the next retry of failed STOREs; doubles while runs keep failing. */
  private Duration retryDelay = PeerBackoffs.FIRST;

  private Replicator(ActorContext<Command> context, TimerScheduler<Command> timers, Contact self,
      ReplicatorSettings settings, PeerRpc rpc, RecordSource records,
      ContactsView contactsView, Supplier<Set<Contact>> members) {
    super(context);
    this.members = members;
    this.timers = timers;
    this.self = self;
    this.settings = settings;
    this.rpc = rpc;
    this.records = records;
    this.contactsView = contactsView;
    this.holders = new Holders(self, settings.replication(), settings.confirmationCapacity());
  }

  /**
   * The replicator of the node {@code self}, planning with the routing table's contacts as
   * {@code contactsView} shows them (read, not asked: an ask timed out while the routing actor was
   * busy with a burst of failure verdicts, just when copies must move); {@code members} gives
   * the cluster's members that are not down or removed (read from any thread), or none outside
   * a cluster.
   */
  public static Behavior<Command> create(Contact self, ReplicatorSettings settings, PeerRpc rpc,
      RecordSource records, ContactsView contactsView, Supplier<Set<Contact>> members) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.REPUBLISH, settings.republishInterval());
      return new Replicator(ctx, timers, self, settings, rpc, records, contactsView, members);
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PeersChanged.class, this::onPeersChanged)
        .onMessage(HandOff.class, this::onHandOff)
        .onMessage(Rereplicate.class, msg -> request(new Run(false, false, msg.replyTo())))
        .onMessageEquals(Tick.DEBOUNCED, () -> request(new Run(false, false, null)))
        .onMessageEquals(Tick.REPUBLISH, () -> request(new Run(true, false, null)))
        .onMessageEquals(Tick.RETRY, () -> request(new Run(false, false, null)))
        .onMessage(Loaded.class, this::onLoaded)
        .onMessage(Sent.class, this::onSent)
        .build();
  }

  private Behavior<Command> onPeersChanged(PeersChanged msg) {
    // The first change of a burst starts the timer and later ones join it: a burst costs one
    // run, and a network that never stops changing is still re-replicated (restarting the
    // timer on every change would put the run off for as long as the churn lasts).
    if (!timers.isTimerActive(Tick.DEBOUNCED)) {
      timers.startSingleTimer(Tick.DEBOUNCED, settings.debounce());
    }
    return this;
  }

  private Behavior<Command> onHandOff(HandOff msg) {
    return request(new Run(false, true, msg.replyTo()));
  }

  private Behavior<Command> request(Run run) {
    if (running == null) {
      start(run);
    } else if (pending == null || run.handOff() || (run.republish() && !pending.handOff())) {
      pending = run; // the stronger request wins: hand-off, then republish, then re-replicate
    }
    return this;
  }

  private void start(Run next) {
    running = next;
    getContext().pipeToSelf(records.allRecords(), (recs, failure) ->
        failure == null ? new Loaded(recs, null) : new Loaded(List.of(), failure));
  }

  private Behavior<Command> onLoaded(Loaded msg) {
    if (msg.failure() != null) {
      getContext().getLog().warn("replication {}: cannot start a run (trying again later): {}",
          self.id().shortHex(), msg.failure().getMessage());
      return finish(new RunResult(0, 0, 0, 0, List.of(),
          Optional.of(String.valueOf(msg.failure().getMessage()))));
    }
    boolean onlyNew = !running.republish() && !running.handOff();
    List<Contact> table = contactsView.all();
    List<Contact> contacts = running.handOff() ? table : withMembers(table);
    for (SignedRecord record : msg.records()) {
      holders.presumeIfNew(record, previousContacts, contacts);
    }
    previousContacts = contacts;
    long now = System.nanoTime();
    backoffs.startRun(now);
    Set<NodeId> reachable = new HashSet<>();
    table.forEach(contact -> reachable.add(contact.id()));
    run = new ReplicationRun(msg.records(), ReplicationPlan.plan(msg.records(),
        running.handOff() ? null : self, contacts, settings.replication(),
        (record, set) -> !onlyNew || holders.amongFirstSenders(record, set, reachable),
        (record, peer) -> onlyNew && (holders.holds(record, peer.id())
            || backoffs.backingOff(peer, now))));
    sendMore();
    return inFlight == 0 ? finish(run.result()) : this;
  }

  /**
   * The table's contacts, and the previous run's contacts that left the table but are still
   * cluster members (unreachable, not yet downed).
   */
  private List<Contact> withMembers(List<Contact> table) {
    Set<Contact> stillMembers = members.get();
    if (stillMembers.isEmpty()) {
      return table;
    }
    Set<NodeId> inTable = new HashSet<>();
    table.forEach(contact -> inTable.add(contact.id()));
    List<Contact> contacts = new ArrayList<>(table);
    for (Contact previous : previousContacts) {
      if (!inTable.contains(previous.id()) && stillMembers.contains(previous)) {
        contacts.add(previous);
      }
    }
    return contacts;
  }

  private void sendMore() {
    while (inFlight < settings.maxInFlight() && run.hasMore()) {
      ReplicationPlan.Send send = run.next().orElseThrow();
      inFlight++;
      getContext().pipeToSelf(
          rpc.call(send.to(), new Message.Store(send.record()), settings.storeTimeout()),
          (reply, failure) -> new Sent(send, failure == null && accepted(reply)));
    }
  }

  /** Stored, or the replica holds a newer record of that publisher: either way it has a copy. */
  private static boolean accepted(Message reply) {
    if (!(reply instanceof Message.StoreAck ack)) {
      return false;
    }
    Optional<StoreRefusal> refusal = ack.refusal();
    return refusal.isEmpty() || refusal.get() == StoreRefusal.SEQUENCE_NOT_HIGHER;
  }

  private Behavior<Command> onSent(Sent msg) {
    inFlight--;
    NodeId to = msg.send().to().id();
    if (msg.stored()) {
      run.acknowledged(msg.send());
      holders.stored(msg.send().record(), to);
      backoffs.stored(to);
    } else {
      run.failed(msg.send().to());
      backoffs.failed(to, System.nanoTime());
    }
    sendMore();
    return inFlight == 0 && !run.hasMore() ? finish(run.result()) : this;
  }

  /**
   * A run whose STOREs failed, that left out peers backing off, or that could not read the
   * store's records, is retried after a delay that doubles while runs keep failing (a peer that
   * is only slow gets its copies once it answers; a dead one leaves the replica sets once
   * membership removes it), and reset by a run that neither failed nor left anything out.
   */
  private void scheduleRetry(RunResult result) {
    if (running.handOff()) {
      return;
    }
    if (result.failed() == 0 && !backoffs.skippedAny() && result.error().isEmpty()) {
      retryDelay = PeerBackoffs.FIRST;
      return;
    }
    if (!timers.isTimerActive(Tick.RETRY)) {
      timers.startSingleTimer(Tick.RETRY, retryDelay);
      retryDelay = PeerBackoffs.capped(retryDelay.multipliedBy(2));
    }
  }

  private Behavior<Command> finish(RunResult result) {
    if (result.sends() > 0 || running.handOff()) {
      getContext().getLog().info("replication {}: {} of {} records: {} stores, {} ok, {} failed",
          self.id().shortHex(), running.handOff() ? "hand-off"
              : running.republish() ? "republish" : "re-replication",
          result.records(), result.sends(), result.stored(), result.failed());
    }
    if (running.replyTo() != null) {
      running.replyTo().tell(result);
    }
    scheduleRetry(result);
    running = null;
    run = null;
    if (pending != null) {
      Run next = pending;
      pending = null;
      start(next);
    }
    return this;
  }
}
