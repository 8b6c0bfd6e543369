package io.kadence.node.serialization;

/**
 * Bytes from the network that are not a well-formed peer message: an unregistered class, a
 * length over its limit, truncation or trailing bytes. Pekko's serialization wraps it in a
 * failed {@code Try}; Artery logs it and drops the message, and the peer keeps serving.
 */
public final class MalformedPeerMessageException extends RuntimeException {
  public MalformedPeerMessageException(String message) {
    super(message);
  }
}
