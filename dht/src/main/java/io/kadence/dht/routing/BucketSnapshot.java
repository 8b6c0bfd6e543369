package io.kadence.dht.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An immutable view of one k-bucket (Kademlia, section 2.2) for the shell's {@code peers}
 * view, the HTTP API and tests: its index (the highest bit in which its contacts differ from
 * the local id), its contacts least-recently seen first, its replacement cache (section 4.1)
 * most recently seen first, and the times that drive its refresh (section 2.3).
 */
public record BucketSnapshot(int index, List<Contact> contacts, List<Contact> cache,
    Instant lastLookup, Instant lastChanged) {

  public BucketSnapshot {
    contacts = List.copyOf(contacts);
    cache = List.copyOf(cache);
    Objects.requireNonNull(lastLookup, "lastLookup");
    Objects.requireNonNull(lastChanged, "lastChanged");
  }

  /** A snapshot of {@code bucket}, which is bucket number {@code index} of its table. */
  static BucketSnapshot of(int index, KBucket bucket) {
    return new BucketSnapshot(index, bucket.contacts(), bucket.cache(), bucket.lastLookup(),
        bucket.lastChanged());
  }

  /** The later of the last lookup and the last change: the bucket is idle since then. */
  public Instant lastActivity() {
    return lastLookup.isAfter(lastChanged) ? lastLookup : lastChanged;
  }
}
