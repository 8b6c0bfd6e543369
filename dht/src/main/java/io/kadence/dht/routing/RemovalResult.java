package io.kadence.dht.routing;

import io.kadence.dht.id.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the routing table did when a contact failed or left: a bucket entry is evicted and,
 * if the bucket's replacement cache holds anyone, the most recently seen cached contact takes
 * its place (Kademlia, section 4.1); a contact known only from the cache is dropped from it.
 */
public sealed interface RemovalResult {

  /** A bucket contact was evicted; {@code replacement} is the cached contact promoted. */
  record Evicted(Contact evicted, Optional<Contact> replacement) implements RemovalResult {
    public Evicted {
      Objects.requireNonNull(evicted, "evicted");
      Objects.requireNonNull(replacement, "replacement");
    }
  }

  /** The id was only in the replacement cache and has been dropped from it. */
  record DroppedFromCache(Contact dropped) implements RemovalResult {
    public DroppedFromCache {
      Objects.requireNonNull(dropped, "dropped");
    }
  }

  /** The id was neither in a bucket nor in a replacement cache (or it was the local node). */
  record Unknown(NodeId id) implements RemovalResult {
    public Unknown {
      Objects.requireNonNull(id, "id");
    }
  }
}
