package io.kadence.node.transport;

import io.kadence.dht.routing.Contact;

/**
 * What the transport learns about peers as a side effect of traffic, for the routing table
 * (Kademlia, section 2.2: every message a node receives updates the bucket of its sender). Only
 * proven facts are reported: a contact is "verified" only after a signed message from it.
 * Implementations must be cheap and thread-safe (e.g. a {@code tell} to the routing actor).
 */
public interface PeerEvents {
  /** {@code peer} signed a request to us or a reply to us: it is alive and owns its node ID. */
  void verified(Contact peer);

  /** A call to {@code peer} failed for {@code reason}. */
  void failed(Contact peer, PeerRpcException.Reason reason);

  /** Ignores every event (for tests and tools that keep no routing table). */
  PeerEvents NONE = new PeerEvents() {
    @Override
    public void verified(Contact peer) {}

    @Override
    public void failed(Contact peer, PeerRpcException.Reason reason) {}
  };
}
