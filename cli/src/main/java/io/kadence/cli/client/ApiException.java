package io.kadence.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;

/**
 * An error reply of a peer's HTTP API ({@code {"error": code, "message": text}}, docs/HTTP-API.md,
 * "Errors"), mapped to an exit code: 400 is bad input, 404 not found, 503 unavailable, anything
 * else a failure.
 */
public final class ApiException extends CliException {
  private final int status;
  private final String code;
  private final transient JsonNode body;

  private ApiException(int status, String code, String message, JsonNode body) {
    super(exitCodeOf(status), message);
    this.status = status;
    this.code = code;
    this.body = body;
  }

  /** The exception for a reply with a non-2xx {@code status} and this body (JSON or not). */
  public static ApiException of(int status, JsonNode body, String rawBody) {
    if (body != null && body.hasNonNull("error")) {
      String code = body.get("error").asText();
      String message = body.path("message").asText(code.replace('_', ' '));
      return new ApiException(status, code, message, body);
    }
    String excerpt = rawBody == null ? "" : rawBody.strip();
    if (excerpt.length() > 120) {
      excerpt = excerpt.substring(0, 120) + "...";
    }
    JsonNode synthetic = JsonNodeFactory.instance.objectNode()
        .put("error", "http_" + status).put("message", excerpt);
    return new ApiException(status, "http_" + status, "the node answered HTTP " + status
        + (excerpt.isEmpty() ? "" : ": " + excerpt), synthetic);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The API's stable error code, e.g. {@code not_found}. */
  public String code() {
    return code;
  }

  /** The error reply as JSON, as {@code --json} prints it. */
  public JsonNode body() {
    return body;
  }

  private static int exitCodeOf(int status) {
    return switch (status) {
      case 400 -> ExitCodes.USAGE;
      case 404 -> ExitCodes.NOT_FOUND;
      case 503 -> ExitCodes.UNAVAILABLE;
      default -> ExitCodes.FAILURE;
    };
  }
}
