package io.kadence.node.transport;

import io.kadence.dht.routing.Contact;

/** Why a {@link PeerRpc} call produced no usable reply. */
public final class PeerRpcException extends RuntimeException {
  /** The kind of failure, counted in the node's stats. */
  public enum Reason {
    /** No reply within the timeout (the peer is slow, gone, or dropped the request). */
    TIMEOUT,
    /** A reply came but failed verification: signature, signer, recipient, freshness, request id. */
    BAD_REPLY,
    /** A verified reply that decodes to a message this request cannot be answered with. */
    UNEXPECTED_REPLY,
    /** The request could not be sent (e.g. the local node is shutting down). */
    NOT_SENT
  }

  private final transient Contact peer;
  private final Reason reason;

  public PeerRpcException(Contact peer, Reason reason, String detail) {
    super(reason + " from " + peer + ": " + detail);
    this.peer = peer;
    this.reason = reason;
  }

  /** The peer that was called. */
  public Contact peer() {
    return peer;
  }

  /** Why the call failed. */
  public Reason reason() {
    return reason;
  }
}
