package io.kadence.dht.record;

/**
 * What a storing node does with a valid incoming record for a (key, publisher) slot, decided by
 * {@link ReplacePolicy} and {@link KeyRecords} (BEP 44, mutable items). Three outcomes are
 * successes a publisher may rely on; the others are refusals, each with its own reason.
 */
public enum ReplaceDecision {
  /** The slot held no live record: store the incoming one. */
  ACCEPT_NEW,
  /** The slot held a record with a lower sequence number: replace it. */
  ACCEPT_REPLACE,
  /**
   * The slot already holds exactly this record: nothing changes, and the store succeeds, so a
   * publisher may retry a store whose acknowledgement was lost, even with a compare-and-swap
   * condition that the first attempt has since made false.
   */
  ALREADY_STORED,
  /**
   * The slot holds a different record whose sequence number is the same or higher (BEP 44: a
   * put whose seq is lower than or equal to the stored one must be rejected).
   */
  SEQUENCE_NOT_HIGHER,
  /** The compare-and-swap condition ({@link ExpectedSequence}) does not hold (BEP 44, "cas"). */
  CAS_MISMATCH,
  /** The key already holds records from as many publishers as its quota allows. */
  TOO_MANY_PUBLISHERS;

  /** Whether the store changes what the node holds. */
  public boolean changesStore() {
    return this == ACCEPT_NEW || this == ACCEPT_REPLACE;
  }

  /** Whether the node holds the incoming record afterwards. */
  public boolean isSuccess() {
    return changesStore() || this == ALREADY_STORED;
  }
}
