package io.kadence.node;

/** A peer could not start or could not do what was asked; the message says why and what to do. */
public final class KadenceException extends Exception {
  public KadenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
