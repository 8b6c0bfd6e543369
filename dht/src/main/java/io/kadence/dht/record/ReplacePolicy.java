package io.kadence.dht.record;

import java.util.Objects;
import java.util.Optional;

/**
 * The replace rule for one (key, publisher) slot: a record is replaced only by a strictly higher
 * sequence number from the same publisher, optionally under a compare-and-swap condition (BEP 44,
 * mutable items and "cas"; DESIGN.md, "Identity, signatures and the wire").
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li>the slot holds a record equal to the incoming one: {@link ReplaceDecision#ALREADY_STORED}
 *       (idempotent; checked first so that retries are safe even under a CAS condition);
 *   <li>the CAS condition does not hold: {@link ReplaceDecision#CAS_MISMATCH};
 *   <li>the slot is empty: {@link ReplaceDecision#ACCEPT_NEW};
 *   <li>the incoming sequence number is higher: {@link ReplaceDecision#ACCEPT_REPLACE};
 *   <li>otherwise: {@link ReplaceDecision#SEQUENCE_NOT_HIGHER}.
 * </ol>
 *
 * <p>Both records are assumed valid ({@link RecordValidator}) and the stored one live. There is
 * no "different publisher" outcome: slots are keyed by (key, publisher), so a stored record of
 * another slot is a caller's bug and throws.
 */
public final class ReplacePolicy {
  private ReplacePolicy() {}

  /** The decision for {@code incoming} given the slot's live record {@code stored}, if any. */
  public static ReplaceDecision decide(Optional<SignedRecord> stored, SignedRecord incoming,
      ExpectedSequence expected) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(incoming, "incoming");
    Objects.requireNonNull(expected, "expected");
    stored.ifPresent(s -> checkSameSlot(s, incoming));
    if (stored.isPresent() && stored.get().equals(incoming)) {
      return ReplaceDecision.ALREADY_STORED;
    }
    if (!expected.holdsFor(stored)) {
      return ReplaceDecision.CAS_MISMATCH;
    }
    if (stored.isEmpty()) {
      return ReplaceDecision.ACCEPT_NEW;
    }
    return incoming.sequence() > stored.get().sequence()
        ? ReplaceDecision.ACCEPT_REPLACE : ReplaceDecision.SEQUENCE_NOT_HIGHER;
  }

  private static void checkSameSlot(SignedRecord stored, SignedRecord incoming) {
    if (!stored.key().equals(incoming.key())
        || !stored.publisherId().equals(incoming.publisherId())) {
      throw new IllegalArgumentException("records of different slots: " + stored + ", " + incoming);
    }
  }
}
