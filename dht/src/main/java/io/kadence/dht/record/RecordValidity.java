package io.kadence.dht.record;

/**
 * The verdict of {@link RecordValidator} on one record: {@link #VALID} or the one reason it is
 * refused, so the node can count and log refusals by reason (DESIGN.md, "Identity, signatures
 * and the wire"). The constants are listed in the order the validator checks them.
 */
public enum RecordValidity {
  /** Every check passed. */
  VALID,
  /** A field no publisher could mean: a negative sequence number or creation time. */
  MALFORMED,
  /** The value is longer than {@link RecordLimits#maxValueBytes()}. */
  VALUE_TOO_LARGE,
  /** The TTL lies outside [{@link RecordLimits#minTtl()}, {@link RecordLimits#maxTtl()}]. */
  TTL_OUT_OF_RANGE,
  /** Created later than now plus {@link RecordLimits#maxClockSkew()}. */
  CREATED_IN_FUTURE,
  /** created + TTL &lt;= now. */
  EXPIRED,
  /** The signature is not the publisher's signature of the record's content. */
  BAD_SIGNATURE;

  /** Whether this is {@link #VALID}. */
  public boolean isValid() {
    return this == VALID;
  }
}
