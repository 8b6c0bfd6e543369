package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.KeyRecords;
import io.kadence.dht.record.SignedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The records one node stores (DESIGN.md, "StorageActor"): per key the {@link KeyRecords} of its
 * publishers, the counts of records and value bytes that the node's quotas limit, and an index by
 * expiry time, so that a sweep costs the expired records, not the store.
 *
 * <p>The state of {@link StorageActor}, rebuilt from its journal. {@link #apply} is deterministic
 * and reads no clock: a stored event carries the instant its store was decided, and a record
 * that has expired since stays until an expired event removes it. The queries that take
 * {@code now} hide such records (expiry is enforced on every read).
 *
 * <p>Mutable, because a copy per event would make a store of 100,000 records quadratic: only
 * {@link #apply} changes it, the actor calls it only from its event handler and never hands the
 * state out, and a snapshot copies the records ({@link #allHeld}). Not thread-safe.
 */
public final class StoreState {
  /** An instant before every stored record's expiry: KeyRecords' views at it show every record. */
  static final Instant BEFORE_ALL = Instant.ofEpochMilli(Long.MIN_VALUE);

  private static final Comparator<SignedRecord> SLOT_ORDER =
      Comparator.comparing((SignedRecord r) -> r.key().id())
          .thenComparing(SignedRecord::publisherId);
  private static final Comparator<SignedRecord> EXPIRY_ORDER =
      Comparator.comparingLong(SignedRecord::expiresAtMillis).thenComparing(SLOT_ORDER)
          .thenComparingLong(SignedRecord::sequence);

  private final int maxPublishersPerKey;
  private final Map<Key, KeyRecords> byKey = new HashMap<>();
  private final NavigableSet<SignedRecord> byExpiry = new TreeSet<>(EXPIRY_ORDER);
  private int recordCount;
  private long valueBytes;

  /** An empty store whose keys hold records of at most {@code maxPublishersPerKey} publishers. */
  public StoreState(int maxPublishersPerKey) {
    if (maxPublishersPerKey < 1) {
      throw new IllegalArgumentException("maxPublishersPerKey must be >= 1: "
          + maxPublishersPerKey);
    }
    this.maxPublishersPerKey = maxPublishersPerKey;
  }

  /**
   * A store holding {@code records}, expired or not: a snapshot's content. A key keeps at most
   * {@code maxPublishersPerKey} of them, the first offered.
   */
  public static StoreState of(int maxPublishersPerKey, Collection<SignedRecord> records) {
    StoreState state = new StoreState(maxPublishersPerKey);
    for (SignedRecord r : records) {
      KeyRecords before = state.recordsOf(r.key());
      state.replace(before, before.offer(r, ExpectedSequence.ANY, BEFORE_ALL).records());
    }
    return state;
  }

  /** Applies {@code event}; returns this state. The only mutator besides {@link #clear()}. */
  public StoreState apply(StorageEvent event) {
    if (event instanceof StorageEvent.RecordStored stored) {
      KeyRecords before = recordsOf(stored.record().key());
      KeyRecords.Offer offer =
          before.offer(stored.record(), ExpectedSequence.ANY, stored.storedAt());
      if (offer.decision().changesStore()) {
        replace(before, offer.records());
      }
    } else if (event instanceof StorageEvent.RecordsExpired expired) {
      remove(expired.ids());
    } else if (event instanceof StorageEvent.RecordsHandedOff handedOff) {
      remove(handedOff.ids());
    }
    return this;
  }

  /**
   * Empties this state, for the store's restart after a journal failure (Pekko recovers into
   * the same state object; see StorageActor).
   */
  void clear() {
    byKey.clear();
    byExpiry.clear();
    recordCount = 0;
    valueBytes = 0;
  }

  /** The keys with at least one record held, as a copy. */
  public Set<Key> keys() {
    return Set.copyOf(byKey.keySet());
  }

  /** Records held, including expired ones not yet swept: what the record quota counts. */
  public int recordCount() {
    return recordCount;
  }

  /** Keys with at least one record held. */
  public int keyCount() {
    return byKey.size();
  }

  /** Value bytes held, including expired records not yet swept: what the byte quota counts. */
  public long valueBytes() {
    return valueBytes;
  }

  /** The records held for {@code key}; empty if none. */
  public KeyRecords recordsOf(Key key) {
    KeyRecords records = byKey.get(key);
    return records != null ? records : KeyRecords.empty(key, maxPublishersPerKey);
  }

  /** The live records of {@code key} at {@code now}: one per publisher, newest first. */
  public List<SignedRecord> live(Key key, Instant now) {
    KeyRecords records = byKey.get(key);
    return records == null ? List.of() : records.live(now);
  }

  /** Every live record at {@code now}, grouped by key in no particular key order. */
  public List<SignedRecord> allLive(Instant now) {
    List<SignedRecord> out = new ArrayList<>(recordCount);
    byKey.values().forEach(records -> out.addAll(records.live(now)));
    return out;
  }

  /** Every record held, expired or not, by key and then publisher: a snapshot's content. */
  public List<SignedRecord> allHeld() {
    List<SignedRecord> out = new ArrayList<>(byExpiry);
    out.sort(SLOT_ORDER);
    return out;
  }

  /** The records held that are expired at {@code now}, earliest expiry first. */
  public List<SignedRecord> expiredAt(Instant now) {
    List<SignedRecord> out = new ArrayList<>();
    for (SignedRecord r : byExpiry) {
      if (!r.isExpiredAt(now)) {
        break;
      }
      out.add(r);
    }
    return out;
  }

  /** Whether exactly {@code record} is held, expired or not. */
  public boolean holds(SignedRecord record) {
    KeyRecords records = byKey.get(record.key());
    return records != null
        && records.current(record.publisherId(), BEFORE_ALL).filter(record::equals).isPresent();
  }

  /** Every record {@code records} holds, expired or not. */
  static List<SignedRecord> held(KeyRecords records) {
    return records.live(BEFORE_ALL);
  }

  /** The value bytes of {@code records}. */
  static long bytesOf(Collection<SignedRecord> records) {
    long sum = 0;
    for (SignedRecord r : records) {
      sum += r.valueLength();
    }
    return sum;
  }

  private void remove(List<RecordId> ids) {
    Map<Key, Set<RecordId>> byKeyOfIds = new LinkedHashMap<>();
    ids.forEach(id -> byKeyOfIds.computeIfAbsent(id.key(), k -> new HashSet<>()).add(id));
    byKeyOfIds.forEach(this::removeFromKey);
  }

  private void removeFromKey(Key key, Set<RecordId> ids) {
    KeyRecords before = byKey.get(key);
    if (before == null) {
      return;
    }
    // KeyRecords has no removal: rebuild the key from the records that stay.
    KeyRecords after = KeyRecords.empty(key, before.maxPublishers());
    for (SignedRecord r : held(before)) {
      if (!ids.contains(RecordId.of(r))) {
        after = after.offer(r, ExpectedSequence.ANY, BEFORE_ALL).records();
      }
    }
    replace(before, after);
  }

  /** Puts {@code after} in place of {@code before}, keeping the counts and the index. */
  private void replace(KeyRecords before, KeyRecords after) {
    List<SignedRecord> old = held(before);
    List<SignedRecord> now = held(after);
    for (SignedRecord r : old) {
      if (!now.contains(r)) {
        byExpiry.remove(r);
        recordCount--;
        valueBytes -= r.valueLength();
      }
    }
    for (SignedRecord r : now) {
      if (!old.contains(r)) {
        byExpiry.add(r);
        recordCount++;
        valueBytes += r.valueLength();
      }
    }
    if (after.isEmpty()) {
      byKey.remove(after.key());
    } else {
      byKey.put(after.key(), after);
    }
  }
}
