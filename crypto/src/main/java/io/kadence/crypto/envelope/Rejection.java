package io.kadence.crypto.envelope;

/**
 * Why {@link EnvelopeVerifier} refused an envelope, in the order the checks run (DESIGN.md,
 * "Identity, signatures and the wire": each rejection has a counted, logged reason). Only
 * {@link #MALFORMED} and {@link #BAD_SIGNATURE} can be caused by someone other than the
 * holder of the sender's key.
 */
public enum Rejection {
  /** Not decodable: truncated, oversize, trailing bytes or an unsupported protocol version. */
  MALFORMED,
  /** The Ed25519 signature does not verify under the sender's public key. */
  BAD_SIGNATURE,
  /** The sender ID is not SHA-256 of the sender's public key. */
  SENDER_ID_MISMATCH,
  /** Signed for another node. */
  WRONG_RECIPIENT,
  /** The timestamp is outside the freshness window around the local clock, either way. */
  STALE,
  /** The (sender, request id) pair was already accepted, or is below the replay low-water mark. */
  REPLAYED
}
