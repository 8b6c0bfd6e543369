package io.kadence.node;

/** The lifecycle of a peer (DESIGN.md, "Inside one peer"). */
public enum NodeState {
  /** Opening its journal and starting its actors. */
  STARTING,
  /** Joining the network through a bootstrap node or a saved contact. */
  JOINING,
  /** Serving puts, gets and lookups. */
  SERVING,
  /** Handing its records on and leaving. */
  LEAVING,
  /** Stopped. */
  STOPPED
}
