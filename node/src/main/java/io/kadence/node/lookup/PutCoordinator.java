package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.lookup.PutResult.ReplicaOutcome;
import io.kadence.node.settings.NodeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.DeadLetterSuppression;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One put (Kademlia, section 2.3: to store a pair, locate the k closest nodes to the key and
 * send them STORE; DESIGN.md, "Data placement"): a short-lived actor that runs a FIND_NODE
 * lookup as its child, sends the signed record to the key's replica set, collects the answers
 * until its quorum stored the record, every replica answered or the deadline passed, replies
 * once with a {@link PutResult}, and stops once every store it sent has answered or at the
 * deadline. The lookup converges on the {@code put-width} closest (at most k): the replica set
 * is only the {@code replication} closest, and converging on all k asked twice as many peers
 * for the same set.
 *
 * <p>The put answers as soon as its quorum of replicas stored the record, not when the last
 * replica answers: a dead or slow replica among the set costs an acknowledged put nothing
 * (DESIGN.md: a put is acknowledged once {@code write-quorum} replicas have persisted it).
 * Stores still in flight then are reported {@link PutResult.Status#PENDING}; the coordinator
 * still hears their answers (a lost one is backed by a spare, below), and a copy that does not
 * land anywhere is restored by read repair and the replicator's republish. A put that fails
 * waits for every answer (each store is bounded by the store timeout), so that its result says
 * what became of each.
 *
 * <p>The replica set is the {@code replication} nodes closest to the key among the peers that
 * answered the lookup and this node, which stores through its {@code LocalStore} rather than
 * the network. The quorum is {@code quorumFor(n)}, where n counts the closest nodes known to
 * exist: the replica set plus any closer peers that failed the lookup. A failed peer is never
 * a replica, but it does not shrink the quorum either, so a node cut off from its neighbours
 * cannot acknowledge writes alone; only a lone node (no contacts at all, and no other peer in
 * its cluster: {@link OperationContext#replicasKnown}) holds the only copy with a quorum of 1.
 * The store phase lasts at most the lookup timeout. {@link PutTally} chooses the replica set,
 * the quorum and the spares, and keeps the answers; this actor runs the lookup, sends the
 * stores and owns the deadline.
 *
 * <p>A replica whose STORE fails or times out (not one that refuses the record) is backed by a
 * spare: the next closest peer that answered the lookup and is not a replica gets the record,
 * and the next after it if that fails too, until the spares run out. Spares never count toward
 * the quorum, so a put is acknowledged only by its replica set (any read quorum of it meets the
 * write quorum); they keep the copies a lost STORE would cost. A put under load answered at 3
 * of 5 while 2 STOREs timed out kept 3 copies until repair, and a kill of a quarter of 64 peers
 * then found some keys with all 3 gone (docs/BENCHMARKS.md, "Spares for lost stores"). The
 * coordinator answers at its quorum but lives until every store sent, spares included, has
 * answered or its deadline passed.
 *
 * <p>The lookup gives up on a request no sooner than the request timeout, unlike a get's: a
 * live replica merely slow to answer would be left out of the replica set, while the
 * replicator presumes a new record held by the replica set it computes from the routing table
 * (Replicator), so the record would stay one copy short.
 */
public final class PutCoordinator extends AbstractBehavior<PutCoordinator.Command> {

  /** The put's messages: its lookup's report, store answers and deadline, all private. */
  public sealed interface Command {}

  private record LookupDone(LookupReport report) implements Command {}

  private enum LookupStopped implements Command { INSTANCE }

  private record Answered(ReplicaOutcome outcome) implements Command, DeadLetterSuppression {}

  private enum StoreDeadline implements Command { INSTANCE }

  private final OperationContext op;
  private final TimerScheduler<Command> timers;
  private final SignedRecord record;
  private final ExpectedSequence expected;
  private final LookupQuery query;
  private final ActorRef<PutResult> replyTo;
  /** The replica set, spares and answers; null until the lookup reported. */
  private PutTally tally;
  private boolean answered;

  private PutCoordinator(ActorContext<Command> context, TimerScheduler<Command> timers,
      OperationContext op, SignedRecord record, ExpectedSequence expected, List<Contact> initial,
      ActorRef<PutResult> replyTo) {
    super(context);
    this.op = op;
    this.timers = timers;
    this.record = record;
    this.expected = expected;
    this.replyTo = replyTo;
    this.query = LookupQuery.findNode(record.key().id(), op.self().id(),
        NodeSettings.putWidth(op.lookup(), op.routing()), op.lookup().alpha(), initial);
  }

  /**
   * A put of {@code record} (created and signed by this node) under the condition
   * {@code expected}, starting its lookup from {@code initial} (the routing table's closest
   * contacts to the key), that replies once to {@code replyTo}.
   */
  public static Behavior<Command> create(OperationContext op, SignedRecord record,
      ExpectedSequence expected, List<Contact> initial, ActorRef<PutResult> replyTo) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new PutCoordinator(context, timers, op, record, expected, initial, replyTo).start()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(LookupDone.class, this::onLookupDone)
        .onMessage(LookupStopped.class, this::onLookupStopped)
        .onMessage(Answered.class, this::onAnswered)
        .onMessage(StoreDeadline.class, this::onStoreDeadline)
        .build();
  }

  private Behavior<Command> start() {
    ActorRef<LookupReport> reports = getContext().messageAdapter(LookupReport.class, LookupDone::new);
    ActorRef<LookupActor.Command> lookup =
        getContext().spawn(LookupActor.create(query, op.rpc(), op.lookup().requestTimeout(),
            op.lookup().timeout(),
            op.lookup().hedge().givingUpNoSoonerThan(op.lookup().requestTimeout().toNanos()),
            op.roundTrips(), op.validator(), op.nanoTime(), reports), "lookup");
    getContext().watchWith(lookup, LookupStopped.INSTANCE);
    return this;
  }

  private Behavior<Command> onLookupDone(LookupDone done) {
    tally = PutTally.of(key(), op.self(), replication(), done.report(),
        known -> op.storage().quorumFor(op.replicasKnown(known)));
    getContext().getLog().debug("{} put {} to {} replicas, quorum {}, {} unreachable", selfHex(),
        record, tally.replicaSet().size(), tally.quorum(), tally.unreachable().size());
    tally.replicaSet().forEach(this::send);
    timers.startSingleTimer(StoreDeadline.INSTANCE, op.lookup().timeout());
    return this;
  }

  private Behavior<Command> onLookupStopped(LookupStopped stopped) {
    if (tally != null) {
      return this;
    }
    getContext().getLog().error("{} put {}: the lookup stopped without a report", selfHex(), record);
    tally = PutTally.abandoned(key(), replication(), LookupReport.abandoned(query, Duration.ZERO),
        op.storage().writeQuorum());
    answer();
    return Behaviors.stopped();
  }

  private Behavior<Command> onAnswered(Answered message) {
    ReplicaOutcome outcome = message.outcome();
    PutTally.Answer answer = tally.take(outcome);
    if (answer == PutTally.Answer.SPARE_STORED) {
      getContext().getLog().debug("{} put {}: spare {} stored it", selfHex(), record,
          outcome.replica());
    } else if (answer == PutTally.Answer.NOT_STORED) {
      sendSpare(outcome);
    }
    // A success answers at once; a failure waits for every replica's answer, so that it says
    // what became of each store.
    if (!answered && tally.decided()) {
      answer();
    }
    if (answered && tally.settled()) {
      return ended("every store answered");
    }
    return this;
  }

  /** Stops, saying at debug how many copies the put made: what repair may have to restore. */
  private Behavior<Command> ended(String why) {
    getContext().getLog().debug("{} put {} ended ({}): {} of {} replicas and {} spare(s) stored "
        + "it, {} store(s) unanswered", selfHex(), key().id().shortHex(), why, tally.stored(),
        tally.replicaSet().size(), tally.sparesStored(), tally.unanswered());
    return Behaviors.stopped();
  }

  /** Sends the record to the next spare if {@code lost} lost a copy (a refusal did not). */
  private void sendSpare(ReplicaOutcome lost) {
    Optional<Contact> spare = tally.nextSpare(lost);
    if (spare.isEmpty()) {
      return;
    }
    getContext().getLog().debug("{} put {}: {} to {}, sending it to spare {}", selfHex(),
        record, lost.status(), lost.replica(), spare.get());
    send(spare.get());
  }

  private Behavior<Command> onStoreDeadline(StoreDeadline deadline) {
    if (answered) {
      return ended("deadline"); // stores still in flight go on without the coordinator
    }
    tally.expire();
    answer();
    return Behaviors.stopped();
  }

  private void send(Contact replica) {
    CompletionStage<ReplicaOutcome> outcome;
    if (replica.id().equals(op.self().id())) {
      outcome = Stages.safely(() -> op.localStore().store(record, expected))
          .thenApply(refusal -> PutTally.ofRefusal(replica, refusal));
    } else {
      outcome = Stages.safely(() -> op.rpc().call(replica, new Message.Store(record, expected),
              op.storage().storeTimeout()))
          .thenApply(reply -> PutTally.ofReply(replica, reply));
    }
    // Told, not piped: a store answered after the put was decided reaches a stopped actor, and
    // only a message that is itself a DeadLetterSuppression goes unlogged there (pipeToSelf
    // wraps it).
    ActorRef<Command> self = getContext().getSelf();
    outcome.whenComplete((result, failure) -> self.tell(new Answered(
        failure == null ? result : PutTally.ofFailure(replica, Stages.unwrap(failure)))));
  }

  /** Replies once; the coordinator may live on for the stores still in flight. */
  private void answer() {
    answered = true;
    PutResult result = tally.result();
    if (result.success()) {
      getContext().getLog().debug("{} put {} stored on {}/{} (quorum {})", selfHex(), record,
          result.stored(), result.replicaSet().size(), result.quorum());
    } else {
      getContext().getLog().info("{} put {} failed: stored on {}, quorum {}, {} unreachable, "
          + "{} spare(s) stored it so far: {}", selfHex(), record, result.stored(),
          result.quorum(), result.unreachable().size(), tally.sparesStored(), result.outcomes());
    }
    replyTo.tell(result);
  }

  private Key key() {
    return record.key();
  }

  private int replication() {
    return op.storage().replication();
  }

  private String selfHex() {
    return op.self().id().shortHex();
  }
}
