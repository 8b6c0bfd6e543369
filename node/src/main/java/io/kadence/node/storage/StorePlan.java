package io.kadence.node.storage;

import io.kadence.dht.wire.StoreRefusal;
import java.util.List;
import java.util.Optional;

/**
 * What a STORE does, decided by {@link StorePlanner} before anything changes: refuse it with a
 * reason, acknowledge it as already stored, or persist events and acknowledge once they are
 * persisted.
 *
 * @param refusal why the store is refused; empty if it succeeds
 * @param events what to persist before acknowledging; empty for a refusal or a repeat
 */
public record StorePlan(Optional<StoreRefusal> refusal, List<StorageEvent> events) {
  /** The plan of a store of the record already held: success, nothing to persist. */
  public static final StorePlan ALREADY_STORED = new StorePlan(Optional.empty(), List.of());

  /** Checks that a refusal persists nothing. */
  public StorePlan {
    events = List.copyOf(events);
    if (refusal.isPresent() && !events.isEmpty()) {
      throw new IllegalArgumentException("a refused store persists nothing");
    }
  }

  /** Refuse with {@code reason}. */
  public static StorePlan refuse(StoreRefusal reason) {
    return new StorePlan(Optional.of(reason), List.of());
  }

  /** Persist {@code events}, then acknowledge. */
  public static StorePlan persist(List<StorageEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("nothing to persist");
    }
    return new StorePlan(Optional.empty(), events);
  }

  /** Whether the store succeeds (now or once the events are persisted). */
  public boolean isSuccess() {
    return refusal.isEmpty();
  }
}
