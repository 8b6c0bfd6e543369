package io.kadence.node.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.HedgeSchedule;
import io.kadence.dht.lookup.LookupHedge;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.lookup.TraceEntry;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.DeadLetterSuppression;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One iterative lookup (Kademlia, section 2.3), FIND_NODE or FIND_VALUE: a short-lived actor
 * that drives a {@link LookupState} over {@link PeerRpc}, keeps alpha requests in flight (up to
 * 2 x alpha while some are slow), replies once with a {@link LookupReport} and stops (the
 * per-request child of Pekko's {@code StatsAggregator} sample).
 *
 * <p>A request that times out is reported as a timeout, any other failed call as a failure.
 * The call's own timeout is the request timeout, so no late answer follows that timeout; one
 * may follow the lookup giving up on the request (below), and the state takes it. The reply
 * must be the one the request asks for ({@code Nodes} to FIND_NODE, {@code Value} to
 * FIND_VALUE); anything else is a failure.
 * Records of a {@code Value} are screened ({@link RecordScreen}) on the thread that completed
 * the call: invalid ones and ones for another key are dropped and counted. A peer whose records
 * were all dropped answered without a value: it is alive, its contacts count, and a get may
 * repair it. If the overall timeout fires first, the reply is the partial result, marked as
 * timed out; answers still in flight then go to dead letters unlogged.
 *
 * <p>Hedge: once a lookup has its first answer, each of its requests still unanswered
 * {@link LookupHedge#delayNanos} after its sending is reported slow ({@link HedgeSchedule}), so
 * the state may ask the next peer while still taking the slow one's answer (LookupState's class
 * comment); one still unanswered {@link LookupHedge#giveUpNanos} after its sending is reported
 * timed out, so the lookup stops waiting on it, though its answer is still taken if it comes
 * while the lookup runs. The call's own timeout that follows is not taken twice (LookupState).
 */
public final class LookupActor extends AbstractBehavior<LookupActor.Command> {

  /** The lookup's messages: only its own peer answers and its deadline, so none is public. */
  public sealed interface Command {}

  /** A peer's answer to our request, screened, or why there is none. */
  private record Answered(Contact peer, Message reply, RecordScreen screen, Throwable failure)
      implements Command, DeadLetterSuppression {}

  /** The overall timeout. */
  private enum Deadline implements Command { INSTANCE }

  /** The request to {@code peer} has gone unanswered for the hedge delay. */
  private record Slow(NodeId peer) implements Command {}

  /** The request to {@code peer} has gone unanswered for the give-up delay. */
  private record GiveUp(NodeId peer) implements Command {}

  private final LookupQuery query;
  private final LookupState<List<SignedRecord>> state;
  private final Message request;
  private final PeerRpc rpc;
  private final Duration requestTimeout;
  private final RecordValidator validator;
  /** Records of this lookup whose signature passed; answers are screened concurrently. */
  private final Set<SignedRecord> verified = ConcurrentHashMap.newKeySet();
  private final LongSupplier nanoTime;
  private final ActorRef<LookupReport> replyTo;
  private final long startNanos;
  /** When each trace entry happened, in trace order: one per query sent, one per event taken. */
  private final List<Duration> entryTimes = new ArrayList<>();
  private int rejectedRecords;
  /** When each request becomes slow and is given up (ticker nanoseconds). */
  private final HedgeSchedule hedges;
  private final RoundTripEstimate roundTrips;
  private final TimerScheduler<Command> timers;

  private LookupActor(ActorContext<Command> context, TimerScheduler<Command> timers,
      LookupQuery query, PeerRpc rpc, Duration requestTimeout, LookupHedge hedge,
      RoundTripEstimate roundTrips, RecordValidator validator, LongSupplier nanoTime,
      ActorRef<LookupReport> replyTo) {
    super(context);
    this.timers = timers;
    this.query = query;
    this.state = query.newState();
    this.request = query.request();
    this.rpc = rpc;
    this.requestTimeout = requestTimeout;
    this.roundTrips = roundTrips;
    this.hedges = new HedgeSchedule(hedge, roundTrips.nanos());
    this.validator = validator;
    this.nanoTime = nanoTime;
    this.replyTo = replyTo;
    this.startNanos = nanoTime.getAsLong();
  }

  /**
   * A lookup of {@code query} that gives each peer {@code requestTimeout} to answer, gives up
   * after {@code timeout} with a partial result, reports requests slow after
   * {@code hedge}'s delay (and before its own first answer, which it reports to
   * {@code roundTrips}, gives requests up by the round trip that expects), screens records
   * with {@code validator}, times its trace and hedges with {@code nanoTime}
   * ({@code System::nanoTime} outside tests), and replies once to {@code replyTo}.
   */
  public static Behavior<Command> create(LookupQuery query, PeerRpc rpc, Duration requestTimeout,
      Duration timeout, LookupHedge hedge, RoundTripEstimate roundTrips, RecordValidator validator,
      LongSupplier nanoTime, ActorRef<LookupReport> replyTo) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new LookupActor(context, timers, query, rpc, requestTimeout, hedge, roundTrips, validator,
            nanoTime, replyTo).start(timeout)));
  }

  /** The lookup of {@code query} with the timeouts, hedge, validator and ticker of {@code op}. */
  public static Behavior<Command> create(LookupQuery query, OperationContext op,
      ActorRef<LookupReport> replyTo) {
    return create(query, op.rpc(), op.lookup().requestTimeout(), op.lookup().timeout(),
        op.lookup().hedge(), op.roundTrips(), op.validator(), op.nanoTime(), replyTo);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Answered.class, this::onAnswered)
        .onMessage(Deadline.class, this::onDeadline)
        .onMessage(Slow.class, this::onSlow)
        .onMessage(GiveUp.class, this::onGiveUp)
        .build();
  }

  private Behavior<Command> start(Duration timeout) {
    getContext().getLog().debug("{} {} of {} from {} contacts", selfHex(), query.kind(),
        query.target().shortHex(), query.initial().size());
    timers.startSingleTimer(Deadline.INSTANCE, timeout);
    return advance();
  }

  private Behavior<Command> onAnswered(Answered answer) {
    // The request has landed: its hedge timers would find nothing to do.
    timers.cancel(new Slow(answer.peer().id()));
    timers.cancel(new GiveUp(answer.peer().id()));
    if (answer.failure() == null && hedges.firstAnswerNanos() < 0) {
      long now = nanoTime.getAsLong();
      hedges.answered(answer.peer().id(), now, state).forEach(due -> schedule(due, now));
      roundTrips.observe(hedges.firstAnswerNanos());
    }
    if (take(answer)) {
      entryTimes.add(elapsed());
    }
    return advance();
  }

  private Behavior<Command> onSlow(Slow slow) {
    if (!state.onSlow(slow.peer())) {
      return this;
    }
    entryTimes.add(elapsed());
    return advance();
  }

  private Behavior<Command> onGiveUp(GiveUp giveUp) {
    if (!state.onTimeout(giveUp.peer())) {
      return this;
    }
    entryTimes.add(elapsed());
    getContext().getLog().debug("{} {}: gave up on {}", selfHex(), query.kind(), giveUp.peer());
    return advance();
  }

  /** Schedules the report of {@code due} (slow, or given up). */
  private void schedule(HedgeSchedule.Due due, long now) {
    Command report = due.stage() == HedgeSchedule.Stage.SLOW
        ? new Slow(due.peer()) : new GiveUp(due.peer());
    timers.startSingleTimer(report, Duration.ofNanos(Math.max(0, due.atNanos() - now)));
  }

  private Behavior<Command> onDeadline(Deadline deadline) {
    return finish(true);
  }

  /** Sends what the state asks for, or replies if the lookup is over. */
  private Behavior<Command> advance() {
    for (Contact peer : state.nextRequests()) {
      entryTimes.add(elapsed());
      send(peer);
    }
    return state.isDone() ? finish(false) : this;
  }

  private void send(Contact peer) {
    getContext().getLog().debug("{} {} -> {}", selfHex(), query.kind(), peer);
    long now = nanoTime.getAsLong();
    hedges.sent(peer.id(), now).forEach(due -> schedule(due, now));
    // Told, not piped (pipeToSelf wraps it in a message that is not a DeadLetterSuppression):
    // answers to a lookup that has ended, which are common once it gives up on requests or ends
    // on the replica set, go to dead letters unlogged.
    ActorRef<Command> self = getContext().getSelf();
    Stages.safely(() -> rpc.call(peer, request, requestTimeout))
        .thenApply(reply -> new Answered(peer, reply, screen(reply), null))
        .whenComplete((answered, failure) -> self.tell(
            failure == null ? answered : new Answered(peer, null, null, failure)));
  }

  /** Runs on the thread that completed the call: signature checks stay off the mailbox loop. */
  private RecordScreen screen(Message reply) {
    return reply instanceof Message.Value value && query.kind() == LookupKind.FIND_VALUE
        ? RecordScreen.of(query.key(), value.records(), validator, verified)
        : RecordScreen.NONE;
  }

  /** Reports one answer to the state; true if the state took it (and traced it). */
  private boolean take(Answered answer) {
    NodeId from = answer.peer().id();
    if (answer.failure() != null) {
      Throwable cause = Stages.unwrap(answer.failure());
      getContext().getLog().debug("{} {} failed: {}", selfHex(), answer.peer(), cause.getMessage());
      // The call's timeout after the lookup gave the request up is not taken again (LookupState).
      return cause instanceof PeerRpcException e && e.reason() == PeerRpcException.Reason.TIMEOUT
          ? state.onTimeout(from) : state.onFailure(from);
    }
    if (query.kind() == LookupKind.FIND_NODE && answer.reply() instanceof Message.Nodes nodes) {
      return state.onResponse(from, nodes.contacts());
    }
    if (query.kind() == LookupKind.FIND_VALUE && answer.reply() instanceof Message.Value value) {
      return takeValue(answer.peer(), answer.screen(), value);
    }
    getContext().getLog().warn("{} {} answered {} with {}", selfHex(), answer.peer(), query.kind(),
        answer.reply().getClass().getSimpleName());
    return state.onFailure(from);
  }

  private boolean takeValue(Contact peer, RecordScreen screen, Message.Value value) {
    if (!screen.rejected().isEmpty()) {
      rejectedRecords += screen.rejected().size();
      getContext().getLog().warn("{} dropped {} records of {} from {}: {}", selfHex(),
          screen.rejected().size(), query.target().shortHex(), peer, screen.rejected());
    }
    return screen.valid().isEmpty()
        ? state.onResponse(peer.id(), value.closer())
        : state.onValue(peer.id(), screen.valid(), value.closer());
  }

  private Behavior<Command> finish(boolean timedOut) {
    LookupResult<List<SignedRecord>> result = state.result();
    Duration elapsed = elapsed();
    LookupReport report = new LookupReport(result, timedOut, elapsed, timed(result.trace()),
        rejectedRecords);
    if (timedOut) {
      getContext().getLog().info("{} {} of {} timed out after {} ms: {} queried, {} responded",
          selfHex(), query.kind(), query.target().shortHex(), elapsed.toMillis(), result.queried(),
          result.closest().size());
    } else {
      getContext().getLog().debug("{} {} of {} {} in {} ms: {} queried, {} failed, {} rounds",
          selfHex(), query.kind(), query.target().shortHex(), result.outcome(), elapsed.toMillis(),
          result.queried(), result.failed().size(), result.rounds());
    }
    replyTo.tell(report);
    return Behaviors.stopped();
  }

  /** Pairs each trace entry with its time; both lists grow one for one. */
  private List<LookupReport.TimedEntry> timed(List<TraceEntry> trace) {
    List<LookupReport.TimedEntry> out = new ArrayList<>(trace.size());
    for (int i = 0; i < trace.size(); i++) {
      Duration at = i < entryTimes.size() ? entryTimes.get(i) : elapsed();
      out.add(new LookupReport.TimedEntry(trace.get(i), at));
    }
    return out;
  }

  private Duration elapsed() {
    return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
  }

  private String selfHex() {
    return query.self().shortHex();
  }
}
