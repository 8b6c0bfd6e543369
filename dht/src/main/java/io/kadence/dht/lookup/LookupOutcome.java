package io.kadence.dht.lookup;

/**
 * Why a lookup ended, or that it has not (Kademlia, section 2.3: "the lookup terminates when the
 * initiator has queried and gotten responses from the k closest nodes it has seen").
 */
public enum LookupOutcome {
  /** Still running: the result is a snapshot, for instance taken at the owner's deadline. */
  UNFINISHED,
  /** The k closest non-failed peers the lookup has heard of have all responded. */
  CONVERGED,
  /**
   * No candidate is left and nothing is in flight, with fewer than k peers responded: the
   * network is smaller than k, or too many peers failed.
   */
  EXHAUSTED,
  /** FIND_VALUE only: {@code valueQuorum} peers returned a value, so the lookup stopped early. */
  VALUE_QUORUM,
  /**
   * FIND_VALUE only: fewer than {@code valueQuorum} peers returned a value, and the closest
   * non-failed peers, as many as the key has replicas, have all responded: every live replica
   * the lookup can find has answered.
   */
  REPLICAS_RESPONDED
}
