package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.KeyRecords;
import io.kadence.dht.record.SignedRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The persisted records of one node's store, readable from any thread: FIND_VALUE answers and
 * the local replica's part of a get read it without a round through {@link StorageActor}'s
 * mailbox, where a read would also wait behind every store being written.
 *
 * <p>Only {@link StorageActor} writes it, and only what is durable: after its journal confirmed a
 * write (Pekko applies an event to the actor's state before the write completes, so the state
 * may hold a record that a failed write takes back; this view never does), and the whole state
 * again when it has recovered. A key's {@link KeyRecords} are immutable and replaced whole, so a
 * reader sees each key before or after a write, never half of it. Expiry is enforced on every
 * read, as {@link StoreState#live} does. Until the store has recovered from its journal the view
 * is empty and says so ({@link #recovered}): a peer that has just restarted must not answer
 * FIND_VALUE with "no records" for records it holds.
 */
public final class StoreView {
  private final ConcurrentMap<Key, KeyRecords> byKey = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> recovered = new CompletableFuture<>();

  /** Completes once the view holds the recovered store; read only after it. */
  public CompletableFuture<Void> recovered() {
    return recovered.copy();
  }

  /** The live records of {@code key} at {@code now}: one per publisher, newest first. */
  public List<SignedRecord> live(Key key, Instant now) {
    KeyRecords records = byKey.get(key);
    return records == null ? List.of() : records.live(now);
  }

  /** Keys with at least one record in the view. */
  public int keyCount() {
    return byKey.size();
  }

  /** Publishes what {@code state} holds for {@code keys}, after their events were persisted. */
  void publish(StoreState state, Collection<Key> keys) {
    for (Key key : keys) {
      KeyRecords records = state.recordsOf(key);
      if (records.isEmpty()) {
        byKey.remove(key);
      } else {
        byKey.put(key, records);
      }
    }
  }

  /** Replaces the whole view with {@code state}, once it is recovered from the journal. */
  void reset(StoreState state) {
    byKey.keySet().retainAll(state.keys());
    publish(state, state.keys());
    recovered.complete(null);
  }
}
