package io.kadence.crypto.envelope;

import java.util.Objects;

/**
 * The outcome of {@link EnvelopeVerifier#verify}: the envelope, accepted, or a {@link Rejection}
 * with a detail for the log. Only an accepted envelope's payload may be decoded
 * (STYLE.md rule 7: verify the envelope before decoding the payload).
 */
public sealed interface Verification {
  /** True for {@link Accepted}. */
  boolean isAccepted();

  /** The envelope passed every check, and its (sender, request id) pair is now recorded. */
  record Accepted(SignedEnvelope envelope) implements Verification {
    /** Requires the envelope. */
    public Accepted {
      Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public boolean isAccepted() {
      return true;
    }
  }

  /** The envelope was refused for {@code reason}; {@code detail} is a short text for the log. */
  record Rejected(Rejection reason, String detail) implements Verification {
    /** Requires the reason and detail. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean isAccepted() {
      return false;
    }
  }
}
