package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.dht.wire.Message;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.DeadLetterSuppression;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One get (Kademlia, section 2.3, FIND_VALUE; DESIGN.md, "Data placement"): a short-lived actor
 * that runs a FIND_VALUE lookup as its child and reads the local store at the same time, replies
 * once with the newest valid record of each publisher ({@link GetResult}) and stops.
 *
 * <p>The lookup stops early once {@link ReplicaSets#readQuorum} peers returned a valid record
 * (R + W &gt; N: with N = replication and W = write quorum, R answers of the replica set
 * include one that acknowledged the newest put); with fewer, once the replica set's peers (the
 * {@code replication} closest that did not fail) have answered; with none, until it converges
 * on the k closest. Records are screened as they arrive and checked for expiry again before the
 * reply.
 *
 * <p>Read repair: the replica set is the {@code replication} closest of the live peers this node
 * knows of and itself (its records come from its {@code LocalStore}). Each replica that answered
 * with an older record of a publisher, or none, is sent the newest one (Kademlia stores the value
 * at the closest node that did not return it); a replica not asked is left alone.
 * Repairs are fire-and-forget and counted in the result; a lookup that timed out saw only part
 * of the replica set, and repairs nothing. {@link GetAnswers} works these out from the lookup's
 * report and the local read; this actor runs the lookups and the read, and sends the repairs.
 *
 * <p>An empty answer is conclusive only if the lookup finished in time and enough of the replica
 * set answered ({@link GetResult#notFound()}); otherwise the key may exist on the peers that did
 * not answer. The replica set counts no fewer members than the cluster has peers, up to
 * {@code replication} ({@link OperationContext#replicasKnown}): a lookup that reached nobody
 * while the cluster counts others cannot make this node's empty store an answer. When no
 * record came back and any of the replica set did not answer, the get runs
 * its lookup once more, from every peer the first one knew (those that failed too), if at least
 * a request timeout of the lookup timeout is left: a replica given up while slow, during churn
 * or on a saturated machine, is asked again, and a dead one may have been evicted from the
 * routing table by then. That includes an empty answer from a read quorum: right after peers
 * fail, the replica set a lookup sees can be the holders that survived, slow, and newer peers
 * the record has not reached yet, and their empty answers alone would say "not found" for a
 * key that exists. The second lookup's result is the answer: the record, "not found", or
 * {@link GetResult#unavailable()} (the key may exist).
 */
public final class GetCoordinator extends AbstractBehavior<GetCoordinator.Command> {

  /** The get's messages: its lookup's report, the local read and its deadline, all private. */
  public sealed interface Command {}

  private record LookupDone(LookupReport report) implements Command {}

  /** The lookup of attempt {@code attempt} stopped. */
  private record LookupStopped(int attempt) implements Command {}

  private record LocalRead(List<SignedRecord> records, Throwable failure)
      implements Command, DeadLetterSuppression {}

  private enum LocalDeadline implements Command { INSTANCE }

  private final OperationContext op;
  private final Key key;
  private final List<Contact> initial;
  private final ActorRef<GetResult> replyTo;
  private final long startNanos;
  /** 1 for the first lookup, 2 for the one run again when the first left the key unknown. */
  private int attempt = 1;
  private LookupQuery query;
  /** The current attempt's report, or null while its lookup runs. */
  private LookupReport report;
  private boolean localDone;
  /** The local store's records, or null if it failed or did not answer in time. */
  private List<SignedRecord> local;

  private GetCoordinator(ActorContext<Command> context, OperationContext op, Key key,
      List<Contact> initial, ActorRef<GetResult> replyTo) {
    super(context);
    this.op = op;
    this.key = key;
    this.replyTo = replyTo;
    this.initial = List.copyOf(initial);
    this.startNanos = op.nanoTime().getAsLong();
  }

  private LookupQuery query(List<Contact> from) {
    int valueQuorum =
        ReplicaSets.readQuorum(op.storage().replication(), op.storage().writeQuorum());
    return LookupQuery.findValue(key, op.self().id(), op.routing().k(), op.lookup().alpha(),
        valueQuorum, op.storage().replication(), op.storage().maxPublishersPerKey(), from);
  }

  /**
   * A get of {@code key}, starting its lookup from {@code initial} (the routing table's closest
   * contacts to the key), that replies once to {@code replyTo}.
   */
  public static Behavior<Command> create(OperationContext op, Key key, List<Contact> initial,
      ActorRef<GetResult> replyTo) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new GetCoordinator(context, op, key, initial, replyTo).start(timers)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(LookupDone.class, this::onLookupDone)
        .onMessage(LookupStopped.class, this::onLookupStopped)
        .onMessage(LocalRead.class, this::onLocalRead)
        .onMessage(LocalDeadline.class, this::onLocalDeadline)
        .build();
  }

  private Behavior<Command> start(TimerScheduler<Command> timers) {
    lookUp(initial, op.lookup().timeout());
    getContext().pipeToSelf(Stages.safely(() -> op.localStore().get(key)), LocalRead::new);
    timers.startSingleTimer(LocalDeadline.INSTANCE, op.lookup().timeout());
    return this;
  }

  /** Starts this attempt's lookup from {@code from}, ending within {@code timeout}. */
  private void lookUp(List<Contact> from, Duration timeout) {
    query = query(from);
    report = null;
    ActorRef<LookupReport> reports =
        getContext().messageAdapter(LookupReport.class, LookupDone::new);
    ActorRef<LookupActor.Command> lookup = getContext().spawn(LookupActor.create(query, op.rpc(),
        op.lookup().requestTimeout(), timeout, op.lookup().hedge(), op.roundTrips(),
        op.validator(), op.nanoTime(), reports), "lookup-" + attempt);
    getContext().watchWith(lookup, new LookupStopped(attempt));
  }

  private Behavior<Command> onLookupDone(LookupDone done) {
    report = done.report();
    return finishIfReady();
  }

  private Behavior<Command> onLookupStopped(LookupStopped stopped) {
    if (stopped.attempt() != attempt) {
      return this; // the first lookup, which reported before the get asked again
    }
    if (report == null) {
      getContext().getLog().error("{} get {}: the lookup stopped without a report", selfHex(),
          key.id().shortHex());
      report = LookupReport.abandoned(query, Duration.ZERO);
    }
    return finishIfReady();
  }

  private Behavior<Command> onLocalRead(LocalRead read) {
    if (localDone) {
      return this;
    }
    localDone = true;
    if (read.failure() != null) {
      getContext().getLog().warn("{} get {}: local store failed: {}", selfHex(), key.id().shortHex(),
          Stages.unwrap(read.failure()).toString());
    } else {
      local = read.records().stream()
          .filter(r -> r.key().equals(key) && !op.validator().isExpired(r)).toList();
    }
    return finishIfReady();
  }

  private Behavior<Command> onLocalDeadline(LocalDeadline deadline) {
    if (!localDone) {
      localDone = true;
      getContext().getLog().warn("{} get {}: no answer from the local store", selfHex(),
          key.id().shortHex());
    }
    return finishIfReady();
  }

  private Behavior<Command> finishIfReady() {
    if (report == null || !localDone) {
      return this;
    }
    GetAnswers answers = new GetAnswers(key, op.self(), op.storage().replication(), initial,
        report, Optional.ofNullable(local));
    List<SignedRecord> mine = answers.localRecords();
    List<SignedRecord> newest = answers.newest(op.validator());
    List<Repair> repairs = answers.repairs(newest);
    repairs.forEach(this::send);
    List<Contact> replicaSet = answers.replicaSet();
    int needed = op.storage().readQuorumFor(op.replicasKnown(replicaSet.size()));
    GetResult result = new GetResult(key, newest, repairs, mine.size(),
        answers.answered(replicaSet), needed, report);
    if (getContext().getLog().isDebugEnabled()) {
      getContext().getLog().debug("{} get {} (lookup {}, {} ms in): {} records ({} local), {} "
          + "repairs, lookup {} in {} rounds, {} of replica set {} answered", selfHex(),
          key.id().shortHex(), attempt,
          (op.nanoTime().getAsLong() - startNanos) / 1_000_000, newest.size(), mine.size(),
          repairs.size(), report.result().outcome(), report.result().rounds(),
          result.replicasAnswered(), replicaSet);
    }
    boolean someSilent = result.replicasAnswered() < replicaSet.size();
    if (!result.found() && (result.unavailable() || someSilent)
        && askAgain(answers, result, replicaSet.size())) {
      return this; // no record means no repairs: nothing was sent
    }
    if (result.unavailable()) {
      getContext().getLog().info("{}: the key may exist", shortfall(result, replicaSet.size()));
    }
    replyTo.tell(result);
    return Behaviors.stopped();
  }

  /**
   * Runs the lookup of a get that found nothing once more if this was the first and at least a
   * request timeout of the lookup timeout is left, from every peer the first lookup heard of:
   * those that answered, those it gave up, and the routing table's contacts it started from.
   */
  private boolean askAgain(GetAnswers answers, GetResult first, int replicas) {
    Duration left = op.lookup().timeout()
        .minusNanos(op.nanoTime().getAsLong() - startNanos);
    if (attempt > 1 || left.compareTo(op.lookup().requestTimeout()) < 0) {
      return false;
    }
    getContext().getLog().debug("{}: asking again", shortfall(first, replicas));
    attempt++;
    lookUp(answers.heardOf(), left);
    return true;
  }

  /** What a result without a record lacked, for the log. */
  private String shortfall(GetResult result, int replicas) {
    return selfHex() + " get " + key.id().shortHex() + ": no record, and "
        + result.replicasAnswered() + " of " + replicas + " replicas answered ("
        + result.replicasNeeded() + " needed" + (report.timedOut() ? ", lookup timed out" : "")
        + ")";
  }

  /** Fire-and-forget: the answer is not awaited, and the replace rule makes a repeat harmless. */
  private void send(Repair repair) {
    getContext().getLog().debug("{} repair {} on {} ({})", selfHex(), repair.record(),
        repair.replica(), repair.stale() ? "stale" : "missing");
    if (repair.replica().id().equals(op.self().id())) {
      Stages.safely(() -> op.localStore().store(repair.record(), ExpectedSequence.ANY));
    } else {
      Stages.safely(() -> op.rpc().call(repair.replica(), new Message.Store(repair.record()),
          op.storage().storeTimeout()));
    }
  }

  private String selfHex() {
    return op.self().id().shortHex();
  }
}
