package io.kadence.dht.wire;

import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.ReplaceDecision;
import java.util.Optional;

/**
 * Why a storing node refused a STORE (Kademlia, section 2.3; BEP 44 answers a failed put with an
 * error code in the same spirit). Each refusal has a stable one-byte wire code, never reused;
 * code 0 means "stored" in a {@link Message.StoreAck}.
 */
public enum StoreRefusal {
  /** See {@link RecordValidity#MALFORMED}. */
  MALFORMED(1),
  /** See {@link RecordValidity#BAD_SIGNATURE}. */
  BAD_SIGNATURE(2),
  /** See {@link RecordValidity#VALUE_TOO_LARGE}. */
  VALUE_TOO_LARGE(3),
  /** See {@link RecordValidity#TTL_OUT_OF_RANGE}. */
  TTL_OUT_OF_RANGE(4),
  /** See {@link RecordValidity#CREATED_IN_FUTURE}. */
  CREATED_IN_FUTURE(5),
  /** See {@link RecordValidity#EXPIRED}. */
  EXPIRED(6),
  /** See {@link ReplaceDecision#SEQUENCE_NOT_HIGHER}. */
  SEQUENCE_NOT_HIGHER(7),
  /** See {@link ReplaceDecision#CAS_MISMATCH}. */
  CAS_MISMATCH(8),
  /** The key's publisher quota is full ({@link ReplaceDecision#TOO_MANY_PUBLISHERS}). */
  QUOTA_EXCEEDED(9),
  /** The node is not among the key's closest nodes and does not store it. */
  NOT_RESPONSIBLE(10),
  /** The node's storage is full. */
  STORAGE_FULL(11);

  private final int code;

  StoreRefusal(int code) {
    this.code = code;
  }

  /** The stable wire code, 1 to 255. */
  public int code() {
    return code;
  }

  /** The refusal with wire code {@code code}, if any. */
  public static Optional<StoreRefusal> ofCode(int code) {
    for (StoreRefusal r : values()) {
      if (r.code == code) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The refusal for an invalid record; throws for {@link RecordValidity#VALID}. */
  public static StoreRefusal of(RecordValidity validity) {
    return switch (validity) {
      case VALID -> throw new IllegalArgumentException("a valid record is not a refusal");
      case MALFORMED -> MALFORMED;
      case VALUE_TOO_LARGE -> VALUE_TOO_LARGE;
      case TTL_OUT_OF_RANGE -> TTL_OUT_OF_RANGE;
      case CREATED_IN_FUTURE -> CREATED_IN_FUTURE;
      case EXPIRED -> EXPIRED;
      case BAD_SIGNATURE -> BAD_SIGNATURE;
    };
  }

  /** The refusal for a replace decision, or empty if the decision is a success. */
  public static Optional<StoreRefusal> of(ReplaceDecision decision) {
    return switch (decision) {
      case ACCEPT_NEW, ACCEPT_REPLACE, ALREADY_STORED -> Optional.empty();
      case SEQUENCE_NOT_HIGHER -> Optional.of(SEQUENCE_NOT_HIGHER);
      case CAS_MISMATCH -> Optional.of(CAS_MISMATCH);
      case TOO_MANY_PUBLISHERS -> Optional.of(QUOTA_EXCEEDED);
    };
  }
}
