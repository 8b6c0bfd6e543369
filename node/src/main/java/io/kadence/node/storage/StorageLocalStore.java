package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.Asks;
import io.kadence.node.replication.RecordSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;

/**
 * {@link LocalStore} over the node's {@link StorageActor}: stores by asking it, reads from its
 * {@link StoreView} at once. A store completes exceptionally with a
 * {@link java.util.concurrent.TimeoutException} if the actor does not answer within the timeout:
 * while it persists, the actor answers in arrival order, so a store at the end of a burst waits
 * for the burst's writes (about 1,600 events/s on H2, NOTES.md). A read waits for none of them:
 * it sees every acknowledged store, and nothing unacknowledged; until the store has recovered
 * from its journal, it waits for that.
 */
public final class StorageLocalStore implements LocalStore, RecordSource {
  private final ActorRef<StorageActor.Command> storage;
  private final StoreView view;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Duration timeout;

  /**
   * Asks {@code storage}, giving each answer {@code timeout}, timed by {@code scheduler}; reads
   * {@code view} (the one {@code storage} keeps), enforcing expiry against {@code clock}.
   */
  public StorageLocalStore(ActorRef<StorageActor.Command> storage, StoreView view, Clock clock,
      Scheduler scheduler, Duration timeout) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.view = Objects.requireNonNull(view, "view");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public CompletionStage<Optional<StoreRefusal>> store(SignedRecord record,
      ExpectedSequence expected) {
    CompletionStage<StorageActor.StoreReply> reply = Asks.ask(storage,
        replyTo -> new StorageActor.Store(record, expected, replyTo), timeout, scheduler);
    return reply.thenApply(StorageActor.StoreReply::refusal);
  }

  @Override
  public CompletionStage<List<SignedRecord>> get(Key key) {
    CompletableFuture<Void> recovered = view.recovered();
    if (recovered.isDone()) {
      return CompletableFuture.completedFuture(view.live(key, clock.instant()));
    }
    // Just started: wait (as long as for an answer of the actor) for the journal's records.
    return recovered.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(done -> view.live(key, clock.instant()));
  }

  /** Every live record held, for republishing, re-replication and hand-off. */
  @Override
  public CompletionStage<List<SignedRecord>> allRecords() {
    CompletionStage<StorageActor.RecordList> reply = Asks.ask(storage,
        StorageActor.ListRecords::new, timeout, scheduler);
    return reply.thenApply(StorageActor.RecordList::records);
  }

  /** Drops {@code records}, which the leaving node handed to their new replica sets. */
  public CompletionStage<Done> handedOff(List<SignedRecord> records) {
    return Asks.ask(storage, replyTo -> new StorageActor.HandedOff(records, replyTo),
        timeout, scheduler);
  }

  /** The store's counters. */
  public CompletionStage<StorageActor.StorageStats> stats() {
    return Asks.ask(storage, StorageActor.GetStats::new, timeout, scheduler);
  }
}
