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
  STOPPED;

  /**
   * Whether a leave asked for in this state is accepted: a serving node starts one, a leaving
   * node joins the one that runs and gets its result. The guardian (serving), its leaving
   * behavior ({@link NodeLeaving}) and {@code POST /v1/leave} follow this rule; a caller that asks again (local-net's SIGTERM after its HTTP leave)
   * gets the running leave, not an error.
   */
  public boolean acceptsLeave() {
    return this == SERVING || this == LEAVING;
  }
}
