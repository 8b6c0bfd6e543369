package io.kadence.crypto.envelope;

import java.util.Objects;

/**
 * Bytes that are not a well-formed signed envelope of a supported version within the size limit
 * (DESIGN.md, "Identity, signatures and the wire"; STYLE.md rule 7: bound every length before
 * allocating). Thrown before any signature work; the peer that sent it has proved nothing.
 */
public final class MalformedEnvelopeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the bytes. */
  public enum Problem {
    /** Fewer bytes than the fixed fields or the declared payload length need. */
    TRUNCATED,
    /** More bytes, or a larger declared payload, than the configured limit. */
    OVERSIZE,
    /** A protocol version this code does not decode. */
    UNSUPPORTED_VERSION,
    /** Bytes left over after the signature. */
    TRAILING_BYTES
  }

  private final Problem problem;

  /** An exception for {@code problem} with a message for logs. */
  public MalformedEnvelopeException(Problem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** What is wrong with the bytes. */
  public Problem problem() {
    return problem;
  }
}
