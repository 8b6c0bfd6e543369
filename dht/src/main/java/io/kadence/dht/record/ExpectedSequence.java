package io.kadence.dht.record;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The compare-and-swap condition of a store (BEP 44, "cas"): the sequence number the publisher
 * expects the storing node to hold for its (key, publisher) slot, so that two writers cannot
 * silently overwrite each other. Three forms:
 *
 * <ul>
 *   <li>{@link #ANY}: no condition (BEP 44 without "cas");
 *   <li>{@link #ABSENT}: store only if the slot holds no live record (create, never overwrite);
 *   <li>{@link #of(long)}: store only if the slot holds a live record with exactly that sequence.
 * </ul>
 *
 * <p>The single {@code long} is also the wire form: {@code -1} for any, {@code -2} for absent,
 * a sequence number otherwise; anything below {@code -2} is refused.
 *
 * @param raw the wire form
 */
public record ExpectedSequence(long raw) {
  /** Wire form of {@link #ANY}. */
  public static final long ANY_RAW = -1;
  /** Wire form of {@link #ABSENT}. */
  public static final long ABSENT_RAW = -2;
  /** No condition. */
  public static final ExpectedSequence ANY = new ExpectedSequence(ANY_RAW);
  /** The slot must hold no live record. */
  public static final ExpectedSequence ABSENT = new ExpectedSequence(ABSENT_RAW);

  /** Checks the wire form. */
  public ExpectedSequence {
    if (raw < ABSENT_RAW) {
      throw new IllegalArgumentException("expected sequence below " + ABSENT_RAW + ": " + raw);
    }
  }

  /** The slot must hold a live record with exactly this sequence number (at least 0). */
  public static ExpectedSequence of(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("an expected sequence number is >= 0: " + sequence);
    }
    return new ExpectedSequence(sequence);
  }

  /** Whether this is no condition at all. */
  public boolean isAny() {
    return raw == ANY_RAW;
  }

  /** Whether the slot must be empty. */
  public boolean isAbsent() {
    return raw == ABSENT_RAW;
  }

  /** The expected sequence number, if this expects one. */
  public OptionalLong sequence() {
    return raw >= 0 ? OptionalLong.of(raw) : OptionalLong.empty();
  }

  /** Whether the condition holds for the slot's live record {@code stored}, if any. */
  public boolean holdsFor(Optional<SignedRecord> stored) {
    if (isAny()) {
      return true;
    }
    if (isAbsent()) {
      return stored.isEmpty();
    }
    return stored.isPresent() && stored.get().sequence() == raw;
  }

  @Override
  public String toString() {
    return isAny() ? "ExpectedSequence[any]"
        : isAbsent() ? "ExpectedSequence[absent]" : "ExpectedSequence[" + raw + "]";
  }
}
