package io.kadence.dht;

import io.kadence.dht.id.NodeId;

/**
 * Kademlia protocol constants, documented in one place (after go-libp2p-kad-dht's
 * {@code amino/defaults.go}). Values that a network may tune live in the node's
 * {@code reference.conf}; the defaults there come from here. Values that every peer of a
 * network must agree on are invariants and are not configurable.
 */
public final class Kademlia {
  /** Invariant: width of node IDs and keys in bits (SHA-256). */
  public static final int ID_BITS = NodeId.BITS;

  /** Invariant: number of k-buckets in a routing table, one per bit of distance. */
  public static final int BUCKETS = ID_BITS;

  /**
   * Default bucket size and lookup width k (paper, section 2.2: "k is chosen such that any
   * given k nodes are very unlikely to fail within an hour of each other"; 20 as in the paper,
   * BitTorrent's DHT uses 8, libp2p's 20).
   */
  public static final int DEFAULT_K = 20;

  /** Default lookup concurrency alpha: requests in flight per lookup (paper, section 2.3). */
  public static final int DEFAULT_ALPHA = 3;

  /** Default bound of a bucket's replacement cache (paper, section 4.1). */
  public static final int DEFAULT_REPLACEMENT_CACHE = 10;

  private Kademlia() {}
}
