package io.kadence.dht.record;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records one storing node holds for one key: the newest live record of each publisher
 * (DESIGN.md: "a key may hold records from several publishers"), at most
 * {@code maxPublishers} of them. Within a publisher's slot, {@link ReplacePolicy} decides; a
 * new publisher beyond the quota is refused with {@link ReplaceDecision#TOO_MANY_PUBLISHERS}.
 *
 * <p>Immutable: {@link #offer} returns the decision and the resulting state, so the storage actor
 * can persist an event before it adopts the new state. Expired records count for nothing: every
 * operation takes {@code now}, ignores records with created + TTL &lt;= now, and drops them from
 * any state it returns (DESIGN.md: "expiry is enforced on every read").
 */
public final class KeyRecords {
  private static final Comparator<SignedRecord> NEWEST_FIRST =
      Comparator.comparingLong(SignedRecord::createdMillis).reversed()
          .thenComparing(SignedRecord::publisherId);

  private final Key key;
  private final int maxPublishers;
  private final Map<NodeId, SignedRecord> byPublisher;

  private KeyRecords(Key key, int maxPublishers, Map<NodeId, SignedRecord> byPublisher) {
    this.key = key;
    this.maxPublishers = maxPublishers;
    this.byPublisher = Collections.unmodifiableMap(byPublisher);
  }

  /** No records for {@code key}, with room for {@code maxPublishers} publishers. */
  public static KeyRecords empty(Key key, int maxPublishers) {
    Objects.requireNonNull(key, "key");
    if (maxPublishers < 1) {
      throw new IllegalArgumentException("maxPublishers must be >= 1: " + maxPublishers);
    }
    return new KeyRecords(key, maxPublishers, new TreeMap<>());
  }

  /** The result of {@link #offer}: the decision and the state after it. */
  public record Offer(ReplaceDecision decision, KeyRecords records) {}

  /** The key these records are stored under. */
  public Key key() {
    return key;
  }

  /** The quota of publishers. */
  public int maxPublishers() {
    return maxPublishers;
  }

  /** The decision for a valid {@code incoming} record of this key at {@code now}. */
  public ReplaceDecision decide(SignedRecord incoming, ExpectedSequence expected, Instant now) {
    if (!incoming.key().equals(key)) {
      throw new IllegalArgumentException("record of " + incoming.key() + " offered to " + key);
    }
    Map<NodeId, SignedRecord> live = liveMap(now);
    ReplaceDecision decision = ReplacePolicy.decide(
        Optional.ofNullable(live.get(incoming.publisherId())), incoming, expected);
    if (decision == ReplaceDecision.ACCEPT_NEW && live.size() >= maxPublishers) {
      return ReplaceDecision.TOO_MANY_PUBLISHERS;
    }
    return decision;
  }

  /** Decides on a valid {@code incoming} record and applies the decision, at {@code now}. */
  public Offer offer(SignedRecord incoming, ExpectedSequence expected, Instant now) {
    ReplaceDecision decision = decide(incoming, expected, now);
    TreeMap<NodeId, SignedRecord> after = liveMap(now);
    if (decision.changesStore()) {
      after.put(incoming.publisherId(), incoming);
    }
    return new Offer(decision, new KeyRecords(key, maxPublishers, after));
  }

  /** The live record of {@code publisher}, if any. */
  public Optional<SignedRecord> current(NodeId publisher, Instant now) {
    SignedRecord r = byPublisher.get(publisher);
    return r == null || r.isExpiredAt(now) ? Optional.empty() : Optional.of(r);
  }

  /** The live records, newest creation time first (ties by publisher id). */
  public List<SignedRecord> live(Instant now) {
    List<SignedRecord> out = new ArrayList<>(liveMap(now).values());
    out.sort(NEWEST_FIRST);
    return List.copyOf(out);
  }

  /** These records without those expired at {@code now}. */
  public KeyRecords withoutExpired(Instant now) {
    return new KeyRecords(key, maxPublishers, liveMap(now));
  }

  /** Number of records held, expired or not, until {@link #withoutExpired} drops them. */
  public int size() {
    return byPublisher.size();
  }

  /** Whether no record is held. */
  public boolean isEmpty() {
    return byPublisher.isEmpty();
  }

  @Override
  public String toString() {
    return "KeyRecords[" + key + ", " + byPublisher.size() + "/" + maxPublishers + " publishers]";
  }

  private TreeMap<NodeId, SignedRecord> liveMap(Instant now) {
    TreeMap<NodeId, SignedRecord> live = new TreeMap<>();
    for (Map.Entry<NodeId, SignedRecord> e : byPublisher.entrySet()) {
      if (!e.getValue().isExpiredAt(now)) {
        live.put(e.getKey(), e.getValue());
      }
    }
    return live;
  }
}
