package io.kadence.node.http;

/**
 * Thrown while handling a request to answer it with {@link #error()}: bad input found by a
 * parser, for instance. The route's exception handler turns it into the error's response.
 */
final class ApiException extends RuntimeException {
  private final transient ApiError error;

  ApiException(ApiError error) {
    super(error.error() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
