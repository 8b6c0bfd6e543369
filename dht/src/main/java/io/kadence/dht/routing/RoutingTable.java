package io.kadence.dht.routing;

import io.kadence.dht.Kademlia;
import io.kadence.dht.id.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A Kademlia node's routing table (Maymounkov and Mazieres, "Kademlia", sections 2.2-2.4 and
 * 4.1): 256 {@link KBucket}s, bucket {@code i} holding contacts whose XOR distance from the
 * local id has its highest set bit at {@code i}, each with a replacement cache.
 *
 * <p>The table decides and the caller acts: {@link #observe} says when the least-recently seen
 * contact of a full bucket should be pinged, {@link #bucketsNeedingRefresh} which buckets need
 * a lookup. It never contains the local node.
 *
 * <p>Choices made where the paper leaves room:
 *
 * <ul>
 *   <li>Address changes: a node ID is the SHA-256 of the key that signs the node's messages,
 *       and callers observe a contact only after verifying such a signature (never a contact
 *       merely listed in someone's FIND_NODE reply). A known id seen at a new host or port is
 *       therefore the node itself, e.g. restarted on another port: the table takes the new
 *       address and reports the old one in {@link ObserveResult.Updated#previous()}.
 *   <li>{@link #failed} evicts at once: the caller's failure detector has already weighed
 *       repeated silence (section 4.1's "stale" contacts). {@link #remove}, for a peer that
 *       announced LEAVE, has the same semantics.
 *   <li>Refresh (section 2.3, "refreshes any bucket to which it has not performed a node lookup
 *       in the past hour"): a bucket is active when an id in its range was looked up or when
 *       its contacts changed (added, re-seen, replaced; as BEP 5). Only buckets from the one
 *       holding the closest contact up to 255 are refreshed, as in go-libp2p-kad-dht:
 *       buckets below it would be reached by the same lookups that find the closest contacts
 *       (the paper's join likewise refreshes only the buckets "further away than its closest
 *       neighbor"). An empty table has nothing to refresh; rejoining is the caller's job.
 * </ul>
 *
 * <p>Buckets are created when a contact first lands in them or their range is first looked up:
 * with ids spread at random, a node that heard of n others fills only the top log2(n) buckets or
 * so, and the 256 empty buckets made up front weighed 62.5 KB per table (docs/BENCHMARKS.md,
 * "What the numbers changed"), which a simulation of 100,000 nodes pays 100,000 times. A bucket
 * not created yet behaves exactly as an empty one created with the table.
 *
 * <p>Not thread-safe: owned by a single actor (the node's {@code RoutingTableActor}) or by a
 * single simulated node. Time comes from the {@link Clock} given at construction.
 */
public final class RoutingTable {
  private final NodeId self;
  private final int k;
  private final int cacheSize;
  private final Duration refreshInterval;
  private final Clock clock;
  /** When the table was created: the activity time of buckets not created yet. */
  private final Instant created;
  /** Bucket {@code i}, or null while nothing has landed in it. */
  private final KBucket[] buckets = new KBucket[Kademlia.BUCKETS];

  /**
   * An empty table for the node {@code self}, with buckets of {@code k} contacts, replacement
   * caches of {@code cacheSize} contacts, and buckets refreshed after {@code refreshInterval}
   * without activity (the paper uses an hour).
   */
  public RoutingTable(NodeId self, int k, int cacheSize, Duration refreshInterval, Clock clock) {
    this.self = Objects.requireNonNull(self, "self");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be positive: " + refreshInterval);
    }
    this.created = clock.instant();
    new KBucket(k, cacheSize, created); // checks k and cacheSize as every bucket will
    this.k = k;
    this.cacheSize = cacheSize;
  }

  /**
   * Records that {@code contact} proved itself alive, e.g. answered a signed request
   * (section 2.2). See {@link ObserveResult} for the outcomes; on
   * {@link ObserveResult.BucketFull} the caller pings the least-recently seen contact and
   * reports the answer with {@link #pingSucceeded} or {@link #failed}.
   */
  public ObserveResult observe(Contact contact) {
    Objects.requireNonNull(contact, "contact");
    if (contact.id().equals(self)) {
      return new ObserveResult.IgnoredSelf();
    }
    return createdBucket(self.bucketIndex(contact.id())).observe(contact, clock.instant());
  }

  /**
   * Records that the contact with {@code id} answered a ping at its known address: it moves to
   * the tail of its bucket (a newcomer waiting in the cache stays there). Returns whether the
   * id was in the table or its caches.
   */
  public boolean pingSucceeded(NodeId id) {
    KBucket bucket = bucketOf(id);
    return bucket != null && bucket.markSeen(id, clock.instant());
  }

  /**
   * Evicts the contact with {@code id} after a failed ping or a failure-detector verdict; the
   * most recently seen contact of the bucket's replacement cache takes its place. An id known
   * only from a cache is dropped from it.
   */
  public RemovalResult failed(NodeId id) {
    KBucket bucket = bucketOf(id);
    return bucket == null ? new RemovalResult.Unknown(id) : bucket.remove(id, clock.instant());
  }

  /**
   * Whether the contact (or cached contact) {@code id} proved alive less than {@code within}
   * ago: a full bucket need not ping such a contact before keeping it over a newcomer (BEP 5
   * pings only "questionable" nodes, not heard from for 15 minutes). False if not in the table.
   */
  public boolean seenWithin(NodeId id, Duration within) {
    KBucket bucket = bucketOf(id);
    Instant since = clock.instant().minus(within);
    return bucket != null && bucket.lastSeen(id).map(seen -> seen.isAfter(since)).orElse(false);
  }

  /** Removes the contact with {@code id}, e.g. after its LEAVE: the same as {@link #failed}. */
  public RemovalResult remove(NodeId id) {
    return failed(id);
  }

  /**
   * The {@code n} bucket contacts closest to {@code target} by XOR distance (section 2.3), closest
   * first; fewer if the table holds fewer. Replacement caches are not consulted. Visits buckets
   * in distance order ({@link BucketOrder}) and sorts only within buckets, stopping after
   * {@code n} contacts.
   */
  public List<Contact> closest(NodeId target, int n) {
    Objects.requireNonNull(target, "target");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    List<Contact> result = new ArrayList<>();
    for (int index : BucketOrder.byDistance(self, target)) {
      if (result.size() >= n) {
        break;
      }
      KBucket bucket = buckets[index];
      if (bucket == null || bucket.isEmpty()) {
        continue;
      }
      List<Contact> sorted = new ArrayList<>(bucket.contacts());
      sorted.sort((a, b) -> target.compareDistance(a.id(), b.id()));
      int take = Math.min(sorted.size(), n - result.size());
      result.addAll(sorted.subList(0, take));
    }
    return result;
  }

  /** Whether {@code id} is a bucket contact (replacement caches not counted). */
  public boolean contains(NodeId id) {
    return find(id).isPresent();
  }

  /** The bucket contact with {@code id}, if any (replacement caches not searched). */
  public Optional<Contact> find(NodeId id) {
    KBucket bucket = bucketOf(id);
    return bucket == null ? Optional.empty() : bucket.find(id);
  }

  /** Number of bucket contacts (replacement caches not counted). */
  public int size() {
    int size = 0;
    for (KBucket bucket : buckets) {
      size += bucket == null ? 0 : bucket.size();
    }
    return size;
  }

  /** A snapshot of every bucket contact, by bucket index, least-recently seen first within. */
  public List<Contact> contacts() {
    List<Contact> all = new ArrayList<>();
    for (KBucket bucket : buckets) {
      if (bucket != null) {
        all.addAll(bucket.contacts());
      }
    }
    return all;
  }

  /** Snapshots of the buckets that hold contacts or cached contacts, by ascending index. */
  public List<BucketSnapshot> bucketSnapshots() {
    List<BucketSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < buckets.length; i++) {
      if (buckets[i] != null && (!buckets[i].isEmpty() || !buckets[i].cache().isEmpty())) {
        snapshots.add(BucketSnapshot.of(i, buckets[i]));
      }
    }
    return snapshots;
  }

  /** A snapshot of bucket {@code index} (0..255), empty or not. */
  public BucketSnapshot bucketSnapshot(int index) {
    checkIndex(index);
    KBucket bucket = buckets[index];
    return BucketSnapshot.of(index, bucket != null ? bucket : new KBucket(k, cacheSize, created));
  }

  /** Records a lookup of {@code target} as activity of its bucket; a self lookup marks none. */
  public void touch(NodeId target) {
    Objects.requireNonNull(target, "target");
    if (!target.equals(self)) {
      createdBucket(self.bucketIndex(target)).touch(clock.instant());
    }
  }

  /** Records a lookup into the range of bucket {@code index} (0..255). */
  public void touchBucket(int index) {
    checkIndex(index);
    createdBucket(index).touch(clock.instant());
  }

  /**
   * Indices, ascending, of the buckets to refresh now: those from the bucket of the closest
   * contact up to 255 (empty ones included) that saw no lookup and no change for at least the
   * refresh interval. Empty when the table is empty.
   */
  public List<Integer> bucketsNeedingRefresh() {
    Instant now = clock.instant();
    List<Integer> due = new ArrayList<>();
    int lowest = 0;
    while (lowest < buckets.length && (buckets[lowest] == null || buckets[lowest].isEmpty())) {
      lowest++;
    }
    for (int i = lowest; i < buckets.length; i++) {
      Instant activity = buckets[i] == null ? created : buckets[i].lastActivity();
      if (!activity.plus(refreshInterval).isAfter(now)) {
        due.add(i);
      }
    }
    return due;
  }

  /** A random lookup target in the range of bucket {@code index}, to refresh it (section 2.3). */
  public NodeId refreshTarget(int index, Random random) {
    return NodeId.randomInBucket(self, index, random);
  }

  public NodeId self() {
    return self;
  }

  public int k() {
    return k;
  }

  /** Bound of each bucket's replacement cache. */
  public int cacheSize() {
    return cacheSize;
  }

  public Duration refreshInterval() {
    return refreshInterval;
  }

  /** The bucket {@code id} belongs in, or null if it is this node's or not created yet. */
  private KBucket bucketOf(NodeId id) {
    Objects.requireNonNull(id, "id");
    return id.equals(self) ? null : buckets[self.bucketIndex(id)];
  }

  /** Bucket {@code index}, created (empty, active since the table was) if it was not yet. */
  private KBucket createdBucket(int index) {
    KBucket bucket = buckets[index];
    if (bucket == null) {
      bucket = new KBucket(k, cacheSize, created);
      buckets[index] = bucket;
    }
    return bucket;
  }

  private static void checkIndex(int index) {
    if (index < 0 || index >= Kademlia.BUCKETS) {
      throw new IllegalArgumentException("bucket index out of range 0..255: " + index);
    }
  }
}
