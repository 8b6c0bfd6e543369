package io.kadence.dht.routing;

import java.util.Objects;

/**
 * What the routing table decided when a contact proved itself alive (Kademlia, section 2.2:
 * "when a Kademlia node receives any message ... it updates the appropriate k-bucket"). The
 * table only decides; the caller does any network work, such as pinging the least-recently
 * seen contact of a full bucket.
 */
public sealed interface ObserveResult {

  /** The contact was new and its bucket had room: it is now the most recently seen entry. */
  record Added(Contact contact) implements ObserveResult {
    public Added {
      Objects.requireNonNull(contact, "contact");
    }
  }

  /**
   * The contact was already in its bucket and moved to the tail (most recently seen). If it
   * came from another host or port, {@code previous} holds the old address and the table now
   * holds the new one.
   */
  record Updated(Contact contact, Contact previous) implements ObserveResult {
    public Updated {
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(previous, "previous");
    }

    /** Whether the host or port differs from the one the table held before. */
    public boolean addressChanged() {
      return !contact.equals(previous);
    }
  }

  /** The contact is the local node, which never enters its own table. */
  record IgnoredSelf() implements ObserveResult {}

  /**
   * The bucket is full: the caller should ping {@code leastRecentlySeen}. The newcomer
   * {@code candidate} waits at the front of the bucket's replacement cache (section 4.1) and
   * takes the place of the least-recently seen contact if that one is declared failed.
   */
  record BucketFull(Contact leastRecentlySeen, Contact candidate) implements ObserveResult {
    public BucketFull {
      Objects.requireNonNull(leastRecentlySeen, "leastRecentlySeen");
      Objects.requireNonNull(candidate, "candidate");
    }
  }
}
