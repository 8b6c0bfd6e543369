package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.settings.StorageSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.SnapshotFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The node's local record store (DESIGN.md, "StorageActor"; Kademlia, section 2.3, STORE and
 * FIND_VALUE), event-sourced with Pekko Persistence: one store per node, persistence id
 * {@value #PERSISTENCE_ID}, in the node's own database.
 *
 * <p>A store is validated, checked against the slot's replace rule and the quotas
 * ({@link StorePlanner}), and acknowledged only once its event is persisted; a repeat of the
 * stored record is acknowledged without an event. Stores that arrive while a write is in flight
 * are planned together ({@link StoreQueue}) and written in one atomic write
 * ({@link StoreBatch}): one H2 commit for the burst instead of one per store, the largest CPU
 * cost of a put in a JFR profile. Reads enforce expiry against the clock; a timer sweeps expired
 * records out with an event. The state snapshots every snapshot-every events, keeps two
 * snapshots and deletes the events the older one covers, so the journal does not grow without
 * bound ({@link StoreSnapshotAdapter} writes the snapshots).
 *
 * <p>Reads do not ask the actor: what is persisted is published to a {@link StoreView}, which
 * other threads read (FIND_VALUE, the local part of a get) without waiting behind writes.
 */
public final class StorageActor extends EventSourcedBehavior<StorageActor.Command, StorageEvent,
    StoreState> {
  /** The persistence id of every node's store (each node has its own database). */
  public static final String PERSISTENCE_ID = "kadence-storage";
  /** Snapshots kept; the events the older one covers are deleted. */
  private static final int KEEP_SNAPSHOTS = 2;

  /** What the store answers. */
  public sealed interface Command {}

  /** Store {@code record} if valid, within the quotas and {@code expected} holds. */
  public record Store(SignedRecord record, ExpectedSequence expected,
      ActorRef<StoreReply> replyTo) implements Command {}

  /** Answer to {@link Store}: empty once stored (or already held), else the refusal. */
  public record StoreReply(Optional<StoreRefusal> refusal) {
    /** The record is stored. */
    public static final StoreReply STORED = new StoreReply(Optional.empty());
  }

  /**
   * Every live record, for republish, re-replication and hand-off. One list, not a stream: the
   * store holds at most max-records records (100,000 by default, a list of references), and the
   * reply never leaves the node.
   */
  public record ListRecords(ActorRef<RecordList> replyTo) implements Command {}

  /** Answer to {@link ListRecords}, grouped by key. */
  public record RecordList(List<SignedRecord> records) {}

  /**
   * The node is leaving and handed {@code records} to their new replica sets: drop each that is
   * exactly the one stored (a newer record of the slot stays), then answer {@link Done}.
   */
  public record HandedOff(List<SignedRecord> records, ActorRef<Done> replyTo) implements Command {}

  /** The store's counters. */
  public record GetStats(ActorRef<StorageStats> replyTo) implements Command {}

  /**
   * Answer to {@link GetStats}. Counts include expired records not yet swept (they still use the
   * quotas); refusals count since the actor started, by reason.
   */
  public record StorageStats(int records, int keys, long valueBytes,
      Map<StoreRefusal, Long> refusals) {
    /** Refusals for {@code reason} since start. */
    public long refused(StoreRefusal reason) {
      return refusals.getOrDefault(reason, 0L);
    }
  }

  /** Timer tick of the expiry sweep. */
  private enum SweepExpired implements Command { INSTANCE }

  /** Plan and persist the queued stores; sent to itself when the first one is queued. */
  private enum Flush implements Command { INSTANCE }

  private final ActorContext<Command> context;
  private final String node;
  private final StorageSettings settings;
  private final Clock clock;
  /** Stores received and not planned yet, in arrival order; not state: none is acknowledged. */
  private final StoreQueue queue;
  /** What is persisted, for readers outside the actor; written after each confirmed write. */
  private final StoreView view;

  /**
   * The store of node {@code self}, enforcing {@code settings} against {@code clock}, which
   * keeps {@code view} equal to what it has persisted.
   *
   * @throws IllegalArgumentException if the journal cannot hold what the settings allow
   */
  public static Behavior<Command> create(NodeId self, StorageSettings settings, Clock clock,
      StoreView view) {
    return create(PersistenceId.ofUniqueId(PERSISTENCE_ID), self, settings, clock, view);
  }

  /** As {@link #create(NodeId, StorageSettings, Clock, StoreView)} under another id, for tests. */
  static Behavior<Command> create(PersistenceId id, NodeId self, StorageSettings settings,
      Clock clock, StoreView view) {
    StoreSnapshotAdapter.checkCanHold(settings);
    return Behaviors.setup(ctx -> Behaviors.withTimers(
        timers -> new StorageActor(id, ctx, timers, self, settings, clock, view)));
  }

  private StorageActor(PersistenceId id, ActorContext<Command> context,
      TimerScheduler<Command> timers, NodeId self, StorageSettings settings, Clock clock,
      StoreView view) {
    super(id, SupervisorStrategy.restartWithBackoff(
        Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.node = self.shortHex();
    this.settings = settings;
    this.clock = clock;
    this.view = view;
    this.queue = new StoreQueue(settings);
    timers.startTimerWithFixedDelay(SweepExpired.INSTANCE, settings.expirySweepInterval());
  }

  /** A tick of the expiry sweep, for tests that drive it by hand. */
  static Command sweepExpiredTick() {
    return SweepExpired.INSTANCE;
  }

  @Override
  public StoreState emptyState() {
    return new StoreState(settings.maxPublishersPerKey());
  }

  @Override
  public CommandHandler<Command, StorageEvent, StoreState> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Store.class, this::onStore)
        .onCommand(Flush.class, this::onFlush)
        .onCommand(ListRecords.class, this::onListRecords)
        .onCommand(HandedOff.class, this::onHandedOff)
        .onCommand(GetStats.class, this::onGetStats)
        .onCommand(SweepExpired.class, this::onSweepExpired)
        .build();
  }

  @Override
  public EventHandler<StoreState, StorageEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(StoreState::apply);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), KEEP_SNAPSHOTS)
        .withDeleteEventsOnSnapshot();
  }

  @Override
  public SnapshotAdapter<StoreState> snapshotAdapter() {
    return new StoreSnapshotAdapter(settings);
  }

  @Override
  public SignalHandler<StoreState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        .onSignal(PreRestart.instance(), this::onPreRestart)
        .onSignal(SnapshotFailed.class, this::onSnapshotFailed)
        .build();
  }

  /** Queues the store; the next {@link Flush} plans and persists it with its neighbours. */
  private Effect<StorageEvent, StoreState> onStore(StoreState state, Store store) {
    if (queue.add(store)) {
      context.getSelf().tell(Flush.INSTANCE);
    }
    return Effect().none();
  }

  /**
   * Plans the next batch of queued stores ({@link StoreQueue#next}), answers refusals and repeats
   * at once, and persists the events of the rest in one atomic write, acknowledging each once it
   * is persisted. A store left queued is planned at the next flush, after this write.
   */
  private Effect<StorageEvent, StoreState> onFlush(StoreState state, Flush flush) {
    StoreQueue.Batch batch = queue.next(state, clock.instant());
    batch.stores().forEach(this::answerOrLog);
    List<StorageEvent> events = batch.events();
    if (events.isEmpty()) {
      flushAgainIfQueued();
      return Effect().none();
    }
    return Effect().persist(events).thenRun(s -> {
      // Visible to readers before the acknowledgement: a get after an acknowledged put finds it.
      view.publish(s, StorageEvent.keysOf(events));
      batch.toPersist().forEach(store -> store.replyTo().tell(StoreReply.STORED));
      flushAgainIfQueued();
    });
  }

  /** Answers a refused or repeated store now; a store to persist is answered after the write. */
  private void answerOrLog(StoreQueue.Planned planned) {
    SignedRecord record = planned.store().record();
    planned.plan().refusal().ifPresent(
        reason -> context.getLog().debug("node {}: refused {}: {}", node, record, reason));
    planned.answerNow().ifPresentOrElse(planned.store().replyTo()::tell,
        () -> context.getLog().debug("node {}: storing {}", node, record));
  }

  private void flushAgainIfQueued() {
    if (!queue.isEmpty()) {
      context.getSelf().tell(Flush.INSTANCE);
    }
  }

  private Effect<StorageEvent, StoreState> onListRecords(StoreState state, ListRecords list) {
    return Effect().reply(list.replyTo(), new RecordList(state.allLive(clock.instant())));
  }

  private Effect<StorageEvent, StoreState> onHandedOff(StoreState state, HandedOff handedOff) {
    List<RecordId> ids = handedOff.records().stream().filter(state::holds).map(RecordId::of)
        .distinct().toList();
    if (ids.isEmpty()) {
      return Effect().reply(handedOff.replyTo(), Done.getInstance());
    }
    context.getLog().info("node {}: {} records handed off", node, ids.size());
    List<StorageEvent> events = StorageEvent.handedOff(ids);
    return Effect().persist(events)
        .thenRun(s -> view.publish(s, StorageEvent.keysOf(events)))
        .thenReply(handedOff.replyTo(), s -> Done.getInstance());
  }

  private Effect<StorageEvent, StoreState> onGetStats(StoreState state, GetStats get) {
    return Effect().reply(get.replyTo(), new StorageStats(state.recordCount(), state.keyCount(),
        state.valueBytes(), queue.refusals()));
  }

  private Effect<StorageEvent, StoreState> onSweepExpired(StoreState state, SweepExpired tick) {
    List<RecordId> expired = state.expiredAt(clock.instant()).stream().map(RecordId::of).toList();
    if (expired.isEmpty()) {
      return Effect().none();
    }
    context.getLog().debug("node {}: {} records expired", node, expired.size());
    List<StorageEvent> events = StorageEvent.expired(expired);
    return Effect().persist(events).thenRun(s -> view.publish(s, StorageEvent.keysOf(events)));
  }

  private void onRecovered(StoreState state) {
    view.reset(state);
    context.getLog().info("node {}: storage recovered {} records under {} keys, {} value bytes",
        node, state.recordCount(), state.keyCount(), state.valueBytes());
    if (!queue.isEmpty()) {
      context.getSelf().tell(Flush.INSTANCE); // stores queued before a restart, not yet planned
    }
  }

  /**
   * Before a restart after a failed journal write (onPersistFailure): Pekko restarts this same
   * behavior instance, recovering into the empty state it was given once, which is the mutable
   * state the failed incarnation changed (the failed write's events are applied before the
   * write). Emptied here, recovery rebuilds it from the journal alone.
   */
  private void onPreRestart(StoreState state) {
    state.clear();
    context.getLog().warn("node {}: storage restarting after a journal failure; stores not yet"
        + " acknowledged are retried after recovery", node);
  }

  private void onSnapshotFailed(StoreState state, SnapshotFailed failed) {
    context.getLog().warn("node {}: storage snapshot failed; recovery replays more events", node,
        failed.getFailure());
  }
}
