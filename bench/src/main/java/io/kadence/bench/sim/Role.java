package io.kadence.bench.sim;

/** What a simulated node does with a request. */
enum Role {
  /** Answers as the protocol says: the k closest contacts of its routing table. */
  HONEST,
  /**
   * Crashed without notice: it stays in the others' tables (nobody has evicted it yet) and
   * never answers, so every request to it times out.
   */
  FAILED,
  /**
   * Colludes with the other adversaries in an eclipse attempt: answers every FIND_NODE and
   * FIND_VALUE with the k adversaries closest to the target, and never returns a value.
   * Adversaries have ordinary ids (an id is the hash of a key, so they cannot place themselves
   * at will without grinding keys) and sit in honest tables like anybody else.
   */
  ADVERSARY,
  /**
   * Answers every FIND_NODE and FIND_VALUE with k invented contacts whose ids are closer to the
   * target than any real node, at addresses that never answer: nobody holds the keys of those
   * ids, so a request to one can only time out. Never returns a value. Like an
   * {@link #ADVERSARY} it has an ordinary id of its own and sits in honest tables.
   */
  FABRICATOR;

  /** Whether the node works against the lookup. */
  boolean adversarial() {
    return this == ADVERSARY || this == FABRICATOR;
  }
}
