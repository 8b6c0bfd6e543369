package io.kadence.dht.wire;

/**
 * A payload that is not a well-formed message within the {@link WireLimits}: truncated, too
 * long, of an unknown type, with a count or length over a limit, with a field a message refuses,
 * or with trailing bytes. The only exception {@link WireCodec#decode} throws, whatever a hostile
 * peer sends; the caller counts it and drops the message.
 */
public final class WireDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A decode failure described by {@code message}. */
  public WireDecodeException(String message) {
    super(message);
  }

  /** A decode failure described by {@code message}, caused by {@code cause}. */
  public WireDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
