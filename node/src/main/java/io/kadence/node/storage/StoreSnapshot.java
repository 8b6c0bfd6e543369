package io.kadence.node.storage;

import io.kadence.dht.record.SignedRecord;
import io.kadence.node.serialization.KadenceSerializable;
import java.util.List;

/**
 * A snapshot of the record store: every record held, expired or not (an expired record leaves
 * only by an event, so the snapshot must keep it for recovery to reach the same state).
 * Registered with id 213 in {@code NodeKryoRegistry}; {@link StoreSnapshotAdapter} explains how
 * it reaches the snapshot store.
 *
 * @param records the records, by key and then publisher
 */
public record StoreSnapshot(List<SignedRecord> records) implements KadenceSerializable {
  /**
   * Most records a snapshot may hold when decoded: a ceiling for corrupt counts, far above any
   * sane max-records. The decoder does not use max-records itself, so that lowering it never
   * makes an existing snapshot unreadable; the store never holds more than max-records anyway.
   */
  public static final int MAX_RECORDS = 1 << 24;

  /** Copies the list and checks its size. */
  public StoreSnapshot {
    records = List.copyOf(records);
    if (records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException("a snapshot holds at most " + MAX_RECORDS + " records");
    }
  }
}
