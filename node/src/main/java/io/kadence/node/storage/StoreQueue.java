package io.kadence.node.storage;

import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.settings.StorageSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stores {@link StorageActor} received and has not planned yet, in arrival order, and their
 * planning: a flush takes the next batch ({@link StoreBatch}) and plans each of its stores
 * against the same state ({@link StorePlanner}), counting refusals by reason. Not the actor's
 * state: no queued store is acknowledged, and the counts start over with the actor. Plain
 * logic, the actor's alone (not thread-safe).
 */
final class StoreQueue {
  /** One store of a batch and what its plan decided. */
  record Planned(StorageActor.Store store, StorePlan plan) {
    /** The answer due before any write: the refusal, or stored for a repeat; else empty. */
    Optional<StorageActor.StoreReply> answerNow() {
      if (plan.refusal().isPresent()) {
        return Optional.of(new StorageActor.StoreReply(plan.refusal()));
      }
      return plan.events().isEmpty() ? Optional.of(StorageActor.StoreReply.STORED)
          : Optional.empty();
    }
  }

  /**
   * The stores one flush took, in arrival order, each with its plan: refusals and repeats are
   * answered at once, the others once {@link #events()} are persisted in one atomic write.
   */
  record Batch(List<Planned> stores) {
    /** The events of every store of the batch, in order; none for a refusal or a repeat. */
    List<StorageEvent> events() {
      return stores.stream().flatMap(p -> p.plan().events().stream()).toList();
    }

    /** The stores acknowledged once {@link #events()} are persisted. */
    List<StorageActor.Store> toPersist() {
      return stores.stream().filter(p -> !p.plan().events().isEmpty()).map(Planned::store)
          .toList();
    }
  }

  private final StorageSettings settings;
  private final StorePlanner planner;
  private final List<StorageActor.Store> pending = new ArrayList<>();
  private final Map<StoreRefusal, Long> refusals = new EnumMap<>(StoreRefusal.class);

  /** An empty queue whose stores are planned against the limits and quotas of {@code settings}. */
  StoreQueue(StorageSettings settings) {
    this.settings = settings;
    this.planner = new StorePlanner(settings.recordLimits(), settings.maxRecords(),
        settings.maxBytes());
  }

  /** Queues {@code store}; returns whether it is the only one queued, so a flush is due. */
  boolean add(StorageActor.Store store) {
    pending.add(store);
    return pending.size() == 1;
  }

  /** Whether no store waits to be planned. */
  boolean isEmpty() {
    return pending.isEmpty();
  }

  /**
   * Removes the next batch from the queue (never empty if the queue is not) and plans each of
   * its stores against {@code state} at {@code now}. A store left queued (a second one for a key
   * already in the batch, or one past a batch the quotas might not hold) is planned with a later
   * batch, against the state the write of this one leaves.
   */
  Batch next(StoreState state, Instant now) {
    List<Planned> planned = new ArrayList<>();
    for (StorageActor.Store store : StoreBatch.take(pending, state, settings)) {
      StorePlan plan = planner.plan(state, store.record(), store.expected(), now);
      plan.refusal().ifPresent(reason -> refusals.merge(reason, 1L, Long::sum));
      planned.add(new Planned(store, plan));
    }
    return new Batch(List.copyOf(planned));
  }

  /** The refusals of the stores planned so far, by reason (an unmodifiable copy). */
  Map<StoreRefusal, Long> refusals() {
    return Collections.unmodifiableMap(new EnumMap<>(refusals));
  }
}
