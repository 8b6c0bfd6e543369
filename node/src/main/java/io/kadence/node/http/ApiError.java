package io.kadence.node.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * An error answer of the HTTP API (docs/HTTP-API.md, "Errors"): a status, a stable code and a
 * message a person can act on, never a stack trace; {@code detail} carries the put result of a
 * {@code quorum_not_reached}.
 *
 * @param status the HTTP status
 * @param error the stable code, e.g. {@code bad_ttl}
 * @param message what went wrong and, where it helps, what to do
 * @param detail a JSON-able object with more about the failure, or null
 */
record ApiError(StatusCode status, String error, String message, Object detail) {
  ApiError {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
  }

  static ApiError badRequest(String message) {
    return new ApiError(StatusCodes.BAD_REQUEST, "bad_request", message, null);
  }

  static ApiError badKey(String message) {
    return new ApiError(StatusCodes.BAD_REQUEST, "bad_key", message, null);
  }

  static ApiError badTtl(String message) {
    return new ApiError(StatusCodes.BAD_REQUEST, "bad_ttl", message, null);
  }

  static ApiError valueTooLarge(String message) {
    return new ApiError(StatusCodes.BAD_REQUEST, "value_too_large", message, null);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(StatusCodes.UNAUTHORIZED, "unauthorized", message, null);
  }

  static ApiError notFound(String message) {
    return new ApiError(StatusCodes.NOT_FOUND, "not_found", message, null);
  }

  static ApiError methodNotAllowed(String message) {
    return new ApiError(StatusCodes.METHOD_NOT_ALLOWED, "method_not_allowed", message, null);
  }

  static ApiError quorumNotReached(String message, Object detail) {
    return new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "quorum_not_reached", message, detail);
  }

  static ApiError replicasUnreachable(String message, Object detail) {
    return new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "replicas_unreachable", message, detail);
  }

  static ApiError notServing(String message) {
    return new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "not_serving", message, null);
  }

  static ApiError internal(String message) {
    return new ApiError(StatusCodes.INTERNAL_SERVER_ERROR, "internal", message, null);
  }

  /** The error as a JSON response. */
  HttpResponse toResponse() {
    return Json.response(status, new Body(error, message, detail));
  }

  /** The JSON body: {@code detail} is left out when there is none. */
  record Body(String error, String message,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object detail) {}
}
