package io.kadence.node.transport;

import io.kadence.crypto.envelope.Rejection;

/**
 * Why {@link PeerEndpoint} dropped a request without a reply, as counted in {@link NodeStats}
 * (DESIGN.md, "Identity, signatures and the wire": each rejection has a counted, logged reason).
 * The first six are the envelope checks of the crypto module, in the order they run; the rest
 * come after the envelope was accepted, so the sender's node ID is proven for them.
 */
public enum InboundRejection {
  /** Not a well-formed envelope, or larger than the largest envelope accepted. */
  MALFORMED,
  /** The signature does not verify under the sender's key. */
  BAD_SIGNATURE,
  /** The sender's node ID is not SHA-256 of its key. */
  SENDER_ID_MISMATCH,
  /** Signed for another node. */
  WRONG_RECIPIENT,
  /** Timestamp outside the freshness window. */
  STALE,
  /** The (sender, request id) pair was already accepted. */
  REPLAYED,
  /** A valid envelope whose payload is not a well-formed message within the wire limits. */
  DECODE_FAILED,
  /** A valid envelope carrying a message that is not a request (e.g. a PONG). */
  UNEXPECTED_TYPE,
  /**
   * A valid request whose reply path names no usable peer address (no host or port, or a host
   * that is not a plain host name or IP literal), so the sender cannot be a routing contact.
   */
  BAD_RETURN_ADDRESS;

  /** The counter for an envelope rejected by the crypto module's verifier. */
  public static InboundRejection of(Rejection rejection) {
    return switch (rejection) {
      case MALFORMED -> MALFORMED;
      case BAD_SIGNATURE -> BAD_SIGNATURE;
      case SENDER_ID_MISMATCH -> SENDER_ID_MISMATCH;
      case WRONG_RECIPIENT -> WRONG_RECIPIENT;
      case STALE -> STALE;
      case REPLAYED -> REPLAYED;
    };
  }
}
