package io.kadence.dht.lookup;

import io.kadence.dht.routing.Contact;
import java.util.Objects;

/**
 * One step of a lookup as its trace shows it (the shell's {@code lookup --trace}): a query sent,
 * or a peer's answer, failure, timeout or slowness, in the order the lookup saw them (Kademlia,
 * section 2.3). The state machine has no clock: {@code sequence} numbers the entries of one
 * lookup 1, 2, 3, ... and the owner that sends and receives can pair them with times.
 *
 * @param sequence position in this lookup's trace, from 1, strictly increasing
 * @param type what happened
 * @param peer the peer queried or answering
 * @param hop the peer's hop count (1 for an initial contact, 1 + its referrer's otherwise)
 * @param contacts for an answer, how many contacts of it were considered (at most k); else 0
 * @param newContacts for an answer, how many of those the lookup had not heard of; else 0
 * @param late true for an answer that arrived after the peer had been reported as timed out
 */
public record TraceEntry(
    long sequence, Type type, Contact peer, int hop, int contacts, int newContacts, boolean late) {

  /** What a trace entry records. */
  public enum Type {
    /** The lookup asked the owner to send a request to the peer. */
    QUERY,
    /** The peer answered with contacts (no value). */
    RESPONSE,
    /** The peer answered a FIND_VALUE with a value. */
    VALUE,
    /** The request to the peer failed. */
    FAILURE,
    /** The request to the peer timed out. */
    TIMEOUT,
    /**
     * The request to the peer went unanswered past its owner's hedge delay ({@link
     * LookupState#onSlow}): it is still waited on, but another peer may be asked in its place.
     */
    SLOW
  }

  public TraceEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(peer, "peer");
  }

  /** One line for a terminal, for instance {@code #4 hop 2 1a2b3c4d@10.0.0.7:4000 responded 20 (7 new)}. */
  @Override
  public String toString() {
    String what = switch (type) {
      case QUERY -> "queried";
      case RESPONSE -> "responded " + contacts + " (" + newContacts + " new)";
      case VALUE -> "returned a value and " + contacts + " (" + newContacts + " new)";
      case FAILURE -> "failed";
      case TIMEOUT -> "timed out";
      case SLOW -> "slow, still waited on";
    };
    return "#" + sequence + " hop " + hop + " " + peer + " " + what + (late ? " late" : "");
  }
}
