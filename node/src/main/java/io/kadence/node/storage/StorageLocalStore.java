package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.Asks;
import io.kadence.node.replication.RecordSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;

/**
 * {@link LocalStore} over the node's {@link StorageActor}, by asking it. A stage completes
 * exceptionally with a {@link java.util.concurrent.TimeoutException} if the actor does not answer
 * within the timeout: while it persists, the actor answers in arrival order, so a store at the
 * end of a burst waits for the burst's writes (about 1,600 events/s on H2, NOTES.md).
 */
public final class StorageLocalStore implements LocalStore, RecordSource {
  private final ActorRef<StorageActor.Command> storage;
  private final Scheduler scheduler;
  private final Duration timeout;

  /** Asks {@code storage}, giving each answer {@code timeout}, timed by {@code scheduler}. */
  public StorageLocalStore(ActorRef<StorageActor.Command> storage, Scheduler scheduler,
      Duration timeout) {
    this.storage = Objects.requireNonNull(storage, "storage");
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
    CompletionStage<StorageActor.GetReply> reply = Asks.ask(storage,
        replyTo -> new StorageActor.Get(key, replyTo), timeout, scheduler);
    return reply.thenApply(StorageActor.GetReply::records);
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
