package io.kadence.node.http;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests too malformed to reach the routes (an over-long URI or header, a broken
 * request line, an unknown method) with the JSON errors of docs/HTTP-API.md instead of
 * pekko-http's plain text: an unknown method is {@code method_not_allowed}, anything else
 * {@code bad_request}. pekko-http creates it by class name ({@code withParsingErrorHandler}),
 * so it must stay public with a public no-argument constructor.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {
  /** Created by pekko-http. */
  public JsonParsingErrorHandler() {}

  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log,
      ServerSettings settings) {
    log.warning("Illegal request ({}): {}", status.value(), info.formatPretty());
    String message = info.summary().isEmpty() ? status.reason() : info.summary();
    ApiError error = status.intValue() == 501
        ? ApiError.methodNotAllowed("unknown method: " + message)
        : ApiError.badRequest("bad request (" + status.value() + "): " + message);
    return error.toResponse();
  }
}
