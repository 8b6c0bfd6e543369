package io.kadence.dht.lookup;

/**
 * What an iterative lookup asks each peer (Maymounkov and Mazieres, "Kademlia", 2002, section
 * 2.3). Both kinds walk the id space the same way; they differ in what a peer may answer and in
 * when the lookup may stop.
 */
public enum LookupKind {
  /** FIND_NODE: every peer answers with the contacts it knows closest to the target. */
  FIND_NODE,
  /**
   * FIND_VALUE: a peer that stores the key answers with its value (and may add closer
   * contacts); one that does not answers like FIND_NODE. The lookup may stop once enough peers
   * returned a value.
   */
  FIND_VALUE
}
