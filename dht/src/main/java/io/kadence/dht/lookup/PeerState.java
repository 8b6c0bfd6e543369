package io.kadence.dht.lookup;

/**
 * Where one peer stands in a lookup, after libp2p's {@code qpeerset} (go-libp2p-kad-dht): each
 * peer the lookup has heard of is in exactly one of these states, and the lookup's next step
 * and its termination are functions of them (Kademlia, section 2.3).
 */
public enum PeerState {
  /** Known from the initial contacts or from a response, not queried yet: a candidate. */
  HEARD,
  /** Queried; the request is in flight and counts against alpha. */
  WAITING,
  /** Answered the query (with contacts, or with a value for FIND_VALUE). */
  RESPONDED,
  /**
   * The request failed or timed out. The peer no longer counts among the closest peers. A peer
   * that timed out may still move to {@link #RESPONDED} if its answer arrives late while the
   * lookup is running; one that failed outright may not (see {@link LookupState}).
   */
  FAILED
}
