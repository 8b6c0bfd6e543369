package io.kadence.node.storage;

import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.KeyRecords;
import io.kadence.dht.record.RecordLimits;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a STORE (Kademlia, section 2.3; BEP 44 for the replace rule) as a pure function of the
 * store's state, the record and the time, in this order:
 *
 * <ol>
 *   <li>the record's validity ({@link RecordValidator}: shape, size, TTL range, creation time,
 *       expiry, signature last);
 *   <li>the slot's replace rule, compare-and-swap and the key's publisher quota
 *       ({@link KeyRecords#offer}); a repeat of the stored record succeeds with nothing to persist;
 *   <li>the node's quotas of records and value bytes ({@link StoreRefusal#STORAGE_FULL}). A store
 *       that does not grow the store passes them even when it is over them (after the operator
 *       lowered a quota). When the store would not fit but holds expired records not yet swept,
 *       the plan sweeps them first, in the same atomic write, rather than refuse.
 * </ol>
 */
public final class StorePlanner {
  private final RecordLimits limits;
  private final int maxRecords;
  private final long maxBytes;

  /** A planner enforcing {@code limits} and the node's quotas of records and value bytes. */
  public StorePlanner(RecordLimits limits, int maxRecords, long maxBytes) {
    this.limits = limits;
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
  }

  /** The plan of storing {@code record} under {@code expected} in {@code state} at {@code now}. */
  public StorePlan plan(StoreState state, SignedRecord record, ExpectedSequence expected,
      Instant now) {
    // One instant for every check, so the validator and the replace rule agree on expiry.
    RecordValidity validity = new RecordValidator(limits, Clock.fixed(now, ZoneOffset.UTC))
        .validate(record);
    if (!validity.isValid()) {
      return StorePlan.refuse(StoreRefusal.of(validity));
    }
    KeyRecords before = state.recordsOf(record.key());
    KeyRecords.Offer offer = before.offer(record, expected, now);
    Optional<StoreRefusal> refusal = StoreRefusal.of(offer.decision());
    if (refusal.isPresent()) {
      return StorePlan.refuse(refusal.get());
    }
    if (!offer.decision().changesStore()) {
      return StorePlan.ALREADY_STORED;
    }
    StorageEvent stored = new StorageEvent.RecordStored(record, now.toEpochMilli());
    List<SignedRecord> after = StoreState.held(offer.records());
    List<SignedRecord> held = StoreState.held(before);
    if (fits(state, state.recordCount() - held.size() + after.size(),
        state.valueBytes() - StoreState.bytesOf(held) + StoreState.bytesOf(after))) {
      return StorePlan.persist(List.of(stored));
    }
    return planWithSweep(state, before, after, stored, now);
  }

  /** Sweeps every expired record first if that makes room; STORAGE_FULL otherwise. */
  private StorePlan planWithSweep(StoreState state, KeyRecords before, List<SignedRecord> after,
      StorageEvent stored, Instant now) {
    List<SignedRecord> expired = state.expiredAt(now);
    if (expired.isEmpty()) {
      return StorePlan.refuse(StoreRefusal.STORAGE_FULL);
    }
    // After the sweep the key holds only its live records, which the offer then replaces.
    List<SignedRecord> live = before.live(now);
    long records = (long) state.recordCount() - expired.size() - live.size() + after.size();
    long bytes = state.valueBytes() - StoreState.bytesOf(expired) - StoreState.bytesOf(live)
        + StoreState.bytesOf(after);
    if (!fits(state, records, bytes)) {
      return StorePlan.refuse(StoreRefusal.STORAGE_FULL);
    }
    List<StorageEvent> events = new ArrayList<>(
        StorageEvent.expired(expired.stream().map(RecordId::of).toList()));
    events.add(stored);
    return StorePlan.persist(events);
  }

  private boolean fits(StoreState state, long records, long bytes) {
    return (records <= maxRecords || records <= state.recordCount())
        && (bytes <= maxBytes || bytes <= state.valueBytes());
  }
}
