package io.kadence.dht.lookup;

import io.kadence.dht.routing.Contact;

/**
 * The lookup's bookkeeping for one peer (libp2p's {@code qpeerset} entry): its contact as first
 * heard, its state, its hop count, and whether its failure was a timeout (a late answer may
 * still count) or a hard failure (final). Mutable, and owned by one {@link LookupState}.
 */
final class LookupPeer {
  final Contact contact;
  PeerState state = PeerState.HEARD;
  int hop;
  boolean timedOut;
  boolean hasValue;
  /** Waiting, and reported slow by the owner (LookupState#onSlow). */
  boolean slow;

  LookupPeer(Contact contact, int hop) {
    this.contact = contact;
    this.hop = hop;
  }

  /** Waiting on its answer, or timed out: an answer from it is still accepted. */
  boolean awaitsAnswer() {
    return state == PeerState.WAITING || (state == PeerState.FAILED && timedOut);
  }
}
