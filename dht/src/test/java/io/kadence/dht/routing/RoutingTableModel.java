package io.kadence.dht.routing;

import io.kadence.dht.id.NodeId;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A brute-force specification of {@link RoutingTable} for {@link RoutingTableModelTest}: two
 * flat lists (live contacts, cached contacts), bucket indices and distances from
 * {@link BigInteger}, and a global "seen" counter in place of list order. It shares no code
 * with the table, so a wrong table disagrees with it.
 */
final class RoutingTableModel {
  /** A contact, its bucket (bit length of the XOR distance minus one) and when last seen. */
  record Entry(Contact contact, int bucket, long seen, BigInteger id) {
    Entry(Contact contact, int bucket, long seen) {
      this(contact, bucket, seen, big(contact.id()));
    }
  }

  private final NodeId self;
  private final BigInteger selfBig;
  private final int k;
  private final int cacheSize;
  private final Duration interval;
  private final List<Entry> live = new ArrayList<>();
  private final List<Entry> cached = new ArrayList<>();
  private final Instant[] lastLookup = new Instant[256];
  private final Instant[] lastChanged = new Instant[256];
  private long clock;

  RoutingTableModel(NodeId self, int k, int cacheSize, Duration interval, Instant start) {
    this.self = self;
    this.selfBig = big(self);
    this.k = k;
    this.cacheSize = cacheSize;
    this.interval = interval;
    Arrays.fill(lastLookup, start);
    Arrays.fill(lastChanged, start);
  }

  ObserveResult observe(Contact c, Instant now) {
    if (c.id().equals(self)) {
      return new ObserveResult.IgnoredSelf();
    }
    int b = bucketOf(c.id());
    Optional<Entry> known = find(live, c.id());
    if (known.isPresent()) {
      live.remove(known.get());
      live.add(new Entry(c, b, ++clock));
      lastChanged[b] = now;
      return new ObserveResult.Updated(c, known.get().contact());
    }
    find(cached, c.id()).ifPresent(cached::remove);
    List<Entry> bucket = inBucket(live, b);
    if (bucket.size() < k) {
      live.add(new Entry(c, b, ++clock));
      lastChanged[b] = now;
      return new ObserveResult.Added(c);
    }
    if (cacheSize > 0) {
      cached.add(new Entry(c, b, ++clock));
      List<Entry> cache = inBucket(cached, b);
      if (cache.size() > cacheSize) {
        cached.remove(cache.get(0));
      }
    }
    return new ObserveResult.BucketFull(bucket.get(0).contact(), c);
  }

  boolean pingSucceeded(NodeId id, Instant now) {
    for (List<Entry> list : List.of(live, cached)) {
      Optional<Entry> e = find(list, id);
      if (e.isPresent()) {
        list.set(list.indexOf(e.get()), new Entry(e.get().contact(), e.get().bucket(), ++clock));
        if (list == live) {
          lastChanged[e.get().bucket()] = now;
        }
        return true;
      }
    }
    return false;
  }

  RemovalResult remove(NodeId id, Instant now) {
    Optional<Entry> e = find(live, id);
    if (e.isPresent()) {
      int b = e.get().bucket();
      live.remove(e.get());
      List<Entry> cache = inBucket(cached, b);
      Optional<Contact> promoted = Optional.empty();
      if (!cache.isEmpty()) {
        Entry newest = cache.get(cache.size() - 1);
        cached.remove(newest);
        live.add(new Entry(newest.contact(), b, ++clock));
        promoted = Optional.of(newest.contact());
      }
      lastChanged[b] = now;
      return new RemovalResult.Evicted(e.get().contact(), promoted);
    }
    Optional<Entry> c = find(cached, id);
    c.ifPresent(cached::remove);
    return c.<RemovalResult>map(x -> new RemovalResult.DroppedFromCache(x.contact()))
        .orElse(new RemovalResult.Unknown(id));
  }

  void touchBucket(int index, Instant now) {
    lastLookup[index] = now;
  }

  List<Integer> needingRefresh(Instant now) {
    int lowest = live.stream().mapToInt(Entry::bucket).min().orElse(256);
    List<Integer> due = new ArrayList<>();
    for (int i = lowest; i < 256; i++) {
      Instant active = lastLookup[i].isAfter(lastChanged[i]) ? lastLookup[i] : lastChanged[i];
      if (Duration.between(active, now).compareTo(interval) >= 0) {
        due.add(i);
      }
    }
    return due;
  }

  List<Contact> closest(NodeId target, int n) {
    BigInteger t = big(target);
    record Ranked(BigInteger distance, Contact contact) {}
    return live.stream().map(e -> new Ranked(e.id().xor(t), e.contact()))
        .sorted(Comparator.comparing(Ranked::distance))
        .limit(n).map(Ranked::contact).toList();
  }

  /** Bucket index to contacts, least-recently seen first. */
  Map<Integer, List<Contact>> buckets() {
    return group(live, Comparator.comparingLong(Entry::seen));
  }

  /** Bucket index to cached contacts, most recently seen first. */
  Map<Integer, List<Contact>> caches() {
    return group(cached, Comparator.comparingLong(Entry::seen).reversed());
  }

  Instant lastLookup(int index) {
    return lastLookup[index];
  }

  Instant lastChanged(int index) {
    return lastChanged[index];
  }

  List<Contact> liveContacts() {
    return live.stream().map(Entry::contact).toList();
  }

  List<Contact> cachedContacts() {
    return cached.stream().map(Entry::contact).toList();
  }

  Optional<Contact> findLive(NodeId id) {
    return find(live, id).map(Entry::contact);
  }

  int bucketOf(NodeId id) {
    return big(id).xor(selfBig).bitLength() - 1;
  }

  static BigInteger big(NodeId id) {
    return new BigInteger(1, id.bytes());
  }

  private static Map<Integer, List<Contact>> group(List<Entry> entries, Comparator<Entry> order) {
    return entries.stream().sorted(order).collect(Collectors.groupingBy(Entry::bucket,
        TreeMap::new, Collectors.mapping(Entry::contact, Collectors.toList())));
  }

  private static List<Entry> inBucket(List<Entry> entries, int bucket) {
    return entries.stream().filter(e -> e.bucket() == bucket)
        .sorted(Comparator.comparingLong(Entry::seen)).toList();
  }

  private static Optional<Entry> find(List<Entry> entries, NodeId id) {
    return entries.stream().filter(e -> e.contact().id().equals(id)).findFirst();
  }
}
