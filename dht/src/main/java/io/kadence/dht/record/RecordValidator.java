package io.kadence.dht.record;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides whether a record may be stored or returned to a reader: storing nodes and readers
 * both verify (DESIGN.md, "Identity, signatures and the wire"; BEP 44 requires storing nodes to
 * verify the signature of a mutable item before storing it).
 *
 * <p>Checks run cheapest first and the first failure is the verdict: shape, value size, TTL
 * range, creation time, expiry, and last the Ed25519 signature, which costs about 70 us. A
 * forged record cannot pass any later check, so it costs an attacker nothing to be refused early
 * and costs the node no signature verification. Time comes only from the given clock.
 */
public final class RecordValidator {
  private final RecordLimits limits;
  private final Clock clock;

  /** A validator enforcing {@code limits} against the time of {@code clock}. */
  public RecordValidator(RecordLimits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The limits this validator enforces. */
  public RecordLimits limits() {
    return limits;
  }

  /** The verdict on {@code record} at the clock's current time. */
  public RecordValidity validate(SignedRecord record) {
    return validate(record, r -> false);
  }

  /**
   * The verdict on {@code record} at the clock's current time, where {@code signatureChecked}
   * may vouch that this very record already passed the signature check: a reader that gets the
   * same record from several replicas verifies its signature once. Records are equal only if
   * every field is (key, publisher key, sequence, times, value and signature), so a record
   * vouched for is the same bytes that were verified; every other check still runs.
   */
  public RecordValidity validate(SignedRecord record, Predicate<SignedRecord> signatureChecked) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(signatureChecked, "signatureChecked");
    long now = clock.millis();
    if (record.sequence() < 0 || record.createdMillis() < 0) {
      return RecordValidity.MALFORMED;
    }
    if (record.valueLength() > limits.maxValueBytes()) {
      return RecordValidity.VALUE_TOO_LARGE;
    }
    if (record.ttlMillis() < limits.minTtl().toMillis()
        || record.ttlMillis() > limits.maxTtl().toMillis()) {
      return RecordValidity.TTL_OUT_OF_RANGE;
    }
    if (record.createdMillis() - limits.maxClockSkew().toMillis() > now) {
      return RecordValidity.CREATED_IN_FUTURE;
    }
    if (record.expiresAtMillis() <= now) {
      return RecordValidity.EXPIRED;
    }
    if (!signatureChecked.test(record) && !record.hasValidSignature()) {
      return RecordValidity.BAD_SIGNATURE;
    }
    return RecordValidity.VALID;
  }

  /** Whether {@code record} is expired at the clock's current time (checked on every read). */
  public boolean isExpired(SignedRecord record) {
    return record.expiresAtMillis() <= clock.millis();
  }
}
