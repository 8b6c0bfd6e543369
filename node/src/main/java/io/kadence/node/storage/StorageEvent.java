package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.serialization.KadenceSerializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The journal events of {@link StorageActor} (DESIGN.md, "StorageActor": stored, replaced,
 * expired, handed off). Each is registered with a fixed id in {@code NodeKryoRegistry} (210 to
 * 212) and written by {@link JournalSerializers}. {@link StoreState#apply} applies them
 * deterministically: no event's effect depends on when it is replayed.
 *
 * <p>Lists of ids hold at most {@link #MAX_IDS_PER_EVENT} entries, so every event stays far below
 * the node serializer's frame limit; {@link #expired} and {@link #handedOff} split longer lists
 * into several events, which the actor persists in one atomic write.
 */
public sealed interface StorageEvent extends KadenceSerializable {
  /** Most record ids in one event: about 70 KiB encoded. */
  int MAX_IDS_PER_EVENT = 1000;

  /**
   * A valid record was stored, new in its slot or replacing a lower sequence number. The state
   * applies {@code KeyRecords.offer} at {@code storedAtMillis}, the instant the store was decided,
   * so replay reaches the same decision whatever the clock says then.
   *
   * @param record the record, as signed by its publisher
   * @param storedAtMillis when the store was decided, milliseconds since the epoch
   */
  record RecordStored(SignedRecord record, long storedAtMillis) implements StorageEvent {
    /** Checks the record is there. */
    public RecordStored {
      Objects.requireNonNull(record, "record");
    }

    /** When the store was decided. */
    public Instant storedAt() {
      return Instant.ofEpochMilli(storedAtMillis);
    }
  }

  /**
   * These records expired (created + TTL passed) and leave the store.
   *
   * @param ids 1 to {@link #MAX_IDS_PER_EVENT} records
   */
  record RecordsExpired(List<RecordId> ids) implements StorageEvent {
    /** Checks the list size. */
    public RecordsExpired {
      ids = checked(ids);
    }
  }

  /**
   * The node is leaving and handed these records to their new replica sets; they leave the store.
   *
   * @param ids 1 to {@link #MAX_IDS_PER_EVENT} records, each exactly the one stored
   */
  record RecordsHandedOff(List<RecordId> ids) implements StorageEvent {
    /** Checks the list size. */
    public RecordsHandedOff {
      ids = checked(ids);
    }
  }

  /** {@link RecordsExpired} events naming {@code ids}, in order; none for an empty list. */
  static List<StorageEvent> expired(List<RecordId> ids) {
    return chunked(ids, RecordsExpired::new);
  }

  /** {@link RecordsHandedOff} events naming {@code ids}, in order; none for an empty list. */
  static List<StorageEvent> handedOff(List<RecordId> ids) {
    return chunked(ids, RecordsHandedOff::new);
  }

  /** The keys whose records {@code events} change, in order of first mention. */
  static Set<Key> keysOf(List<StorageEvent> events) {
    Set<Key> keys = new LinkedHashSet<>();
    for (StorageEvent event : events) {
      if (event instanceof RecordStored stored) {
        keys.add(stored.record().key());
      } else if (event instanceof RecordsExpired expired) {
        expired.ids().forEach(id -> keys.add(id.key()));
      } else if (event instanceof RecordsHandedOff handedOff) {
        handedOff.ids().forEach(id -> keys.add(id.key()));
      }
    }
    return keys;
  }

  private static List<StorageEvent> chunked(List<RecordId> ids,
      Function<List<RecordId>, StorageEvent> event) {
    List<StorageEvent> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += MAX_IDS_PER_EVENT) {
      out.add(event.apply(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_EVENT))));
    }
    return out;
  }

  private static List<RecordId> checked(List<RecordId> ids) {
    List<RecordId> copy = List.copyOf(ids);
    if (copy.isEmpty() || copy.size() > MAX_IDS_PER_EVENT) {
      throw new IllegalArgumentException("an event names 1 to " + MAX_IDS_PER_EVENT
          + " records, not " + copy.size());
    }
    return copy;
  }
}
