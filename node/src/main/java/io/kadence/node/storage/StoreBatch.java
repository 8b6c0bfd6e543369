package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.node.settings.StorageSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which queued stores {@link StorageActor} plans together and persists in one atomic write.
 *
 * <p>The stores of a batch are each planned against the same state, before any of them is
 * applied. That gives the verdicts planning them one after another would give only when they
 * cannot see each other: so a batch holds at most one store per key (the replace rule and the
 * per-key publisher quota read the key's records), and grows past its first store only while
 * the node's quotas would hold every store of the batch even if each added a record (a store
 * adds at most one record and its value's bytes). Near a quota, stores go one at a time, as
 * does a store whose plan may sweep expired records first. The rest stay queued, in order.
 */
final class StoreBatch {
  /** The most stores one journal write holds. */
  static final int MAX_STORES = 256;

  private StoreBatch() {}

  /** Removes the next batch from {@code queue} (never empty if the queue is not) and returns it. */
  static List<StorageActor.Store> take(List<StorageActor.Store> queue, StoreState state,
      StorageSettings settings) {
    List<StorageActor.Store> batch = new ArrayList<>();
    Set<Key> keys = new HashSet<>();
    long bytes = 0;
    Iterator<StorageActor.Store> it = queue.iterator();
    while (it.hasNext() && batch.size() < MAX_STORES) {
      StorageActor.Store store = it.next();
      long withThis = bytes + store.record().valueLength();
      boolean fits = state.recordCount() + batch.size() + 1L <= settings.maxRecords()
          && state.valueBytes() + withThis <= settings.maxBytes();
      if (batch.isEmpty()) {
        batch.add(store);
        keys.add(store.record().key());
        bytes = withThis;
        it.remove();
        if (!fits) {
          break;
        }
      } else if (!fits) {
        break;
      } else if (keys.add(store.record().key())) {
        batch.add(store);
        bytes = withThis;
        it.remove();
      }
      // A second store of a key in the batch stays queued, and so after the first.
    }
    return batch;
  }
}
