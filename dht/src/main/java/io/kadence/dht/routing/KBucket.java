package io.kadence.dht.routing;

import io.kadence.dht.id.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One k-bucket (Kademlia, section 2.2): up to {@code k} contacts ordered by the time they were
 * last seen, least-recently seen at the head and most-recently seen at the tail, so that live
 * old contacts are kept in preference to newcomers. Behind it, a bounded replacement cache
 * (section 4.1) of contacts that proved alive while the bucket was full, most recently seen
 * first; when a bucket contact is removed, the head of the cache takes its place.
 *
 * <p>The bucket also records its last activity for the hourly refresh (section 2.3): the last
 * lookup of an id in its range, and the last change of its contacts (added, re-seen or
 * replaced, as BEP 5's "last changed"); and when each contact, cached ones included, was last
 * seen, so that its owner can leave alone a contact heard from recently (BEP 5's "good" node)
 * instead of pinging it.
 *
 * <p>The bucket does not know its own index: {@link RoutingTable} files contacts into the right
 * bucket. Time comes in as {@code Instant} parameters; there is no clock here. Not thread-safe.
 */
public final class KBucket {
  private final int k;
  private final int cacheCapacity;
  private final List<Contact> contacts;
  private final List<Contact> cache;
  private final Map<NodeId, Instant> lastSeen = new HashMap<>();
  private Instant lastLookup;
  private Instant lastChanged;

  /**
   * An empty bucket of capacity {@code k} (at least 1) with a replacement cache of at most
   * {@code cacheCapacity} contacts (0 disables the cache), considered active at {@code now}.
   */
  public KBucket(int k, int cacheCapacity, Instant now) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    if (cacheCapacity < 0) {
      throw new IllegalArgumentException("cache capacity must not be negative: " + cacheCapacity);
    }
    this.k = k;
    this.cacheCapacity = cacheCapacity;
    this.contacts = new ArrayList<>(k);
    this.cache = new ArrayList<>(cacheCapacity);
    this.lastLookup = Objects.requireNonNull(now, "now");
    this.lastChanged = now;
  }

  /**
   * Records that {@code contact} proved itself alive (section 2.2). A known contact moves to the
   * tail, taking the address it was seen at; a new one is appended if there is room; otherwise
   * it goes to the front of the replacement cache and the caller is told to ping the head.
   */
  public ObserveResult observe(Contact contact, Instant now) {
    Objects.requireNonNull(contact, "contact");
    lastSeen.put(contact.id(), now);
    int at = indexOf(contacts, contact.id());
    if (at >= 0) {
      Contact previous = contacts.remove(at);
      contacts.add(contact);
      lastChanged = now;
      return new ObserveResult.Updated(contact, previous);
    }
    int cached = indexOf(cache, contact.id());
    if (cached >= 0) {
      cache.remove(cached);
    }
    if (contacts.size() < k) {
      contacts.add(contact);
      lastChanged = now;
      return new ObserveResult.Added(contact);
    }
    if (cacheCapacity > 0) {
      cache.add(0, contact);
      if (cache.size() > cacheCapacity) {
        lastSeen.remove(cache.remove(cache.size() - 1).id());
      }
    } else {
      lastSeen.remove(contact.id());
    }
    return new ObserveResult.BucketFull(contacts.get(0), contact);
  }

  /**
   * Records that the contact with {@code id} answered (a ping succeeded) at its known address:
   * a bucket contact moves to the tail, a cached one to the front of the cache. Returns whether
   * the id was known to this bucket at all.
   */
  public boolean markSeen(NodeId id, Instant now) {
    int at = indexOf(contacts, id);
    if (at >= 0) {
      contacts.add(contacts.remove(at));
      lastChanged = now;
      lastSeen.put(id, now);
      return true;
    }
    int cached = indexOf(cache, id);
    if (cached >= 0) {
      cache.add(0, cache.remove(cached));
      lastSeen.put(id, now);
      return true;
    }
    return false;
  }

  /**
   * Removes the contact with {@code id}: a bucket contact is evicted and replaced by the most
   * recently seen cached contact, which joins at the tail (section 4.1); a cached contact is
   * dropped from the cache.
   */
  public RemovalResult remove(NodeId id, Instant now) {
    int at = indexOf(contacts, id);
    if (at >= 0) {
      Contact evicted = contacts.remove(at);
      lastSeen.remove(id);
      Optional<Contact> replacement =
          cache.isEmpty() ? Optional.empty() : Optional.of(cache.remove(0));
      replacement.ifPresent(contacts::add);
      lastChanged = now;
      return new RemovalResult.Evicted(evicted, replacement);
    }
    int cached = indexOf(cache, id);
    if (cached >= 0) {
      lastSeen.remove(id);
      return new RemovalResult.DroppedFromCache(cache.remove(cached));
    }
    return new RemovalResult.Unknown(id);
  }

  /** Records a lookup of an id in this bucket's range (section 2.3). */
  public void touch(Instant now) {
    lastLookup = Objects.requireNonNull(now, "now");
  }

  /** The bucket contact with {@code id}, if any (the replacement cache is not searched). */
  public Optional<Contact> find(NodeId id) {
    int at = indexOf(contacts, id);
    return at >= 0 ? Optional.of(contacts.get(at)) : Optional.empty();
  }

  /** Whether {@code id} is a bucket contact (not merely cached). */
  public boolean contains(NodeId id) {
    return indexOf(contacts, id) >= 0;
  }

  /** Whether {@code id} waits in the replacement cache. */
  public boolean isCached(NodeId id) {
    return indexOf(cache, id) >= 0;
  }

  /**
   * When the contact or cached contact {@code id} last proved alive (observed, or answered a
   * ping); empty if this bucket does not hold it.
   */
  public Optional<Instant> lastSeen(NodeId id) {
    return Optional.ofNullable(lastSeen.get(id));
  }

  /** The head of the bucket, the contact to ping when the bucket is full. */
  public Optional<Contact> leastRecentlySeen() {
    return contacts.isEmpty() ? Optional.empty() : Optional.of(contacts.get(0));
  }

  /** A snapshot of the contacts, least-recently seen first. */
  public List<Contact> contacts() {
    return List.copyOf(contacts);
  }

  /** A snapshot of the replacement cache, most recently seen first. */
  public List<Contact> cache() {
    return List.copyOf(cache);
  }

  /** Number of bucket contacts (the cache not counted). */
  public int size() {
    return contacts.size();
  }

  public boolean isEmpty() {
    return contacts.isEmpty();
  }

  public boolean isFull() {
    return contacts.size() >= k;
  }

  public int k() {
    return k;
  }

  public int cacheCapacity() {
    return cacheCapacity;
  }

  /** When an id in this bucket's range was last looked up. */
  public Instant lastLookup() {
    return lastLookup;
  }

  /** When a contact was last added, re-seen or replaced. */
  public Instant lastChanged() {
    return lastChanged;
  }

  /** The later of {@link #lastLookup()} and {@link #lastChanged()}: what refresh goes by. */
  public Instant lastActivity() {
    return lastLookup.isAfter(lastChanged) ? lastLookup : lastChanged;
  }

  private static int indexOf(List<Contact> list, NodeId id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
