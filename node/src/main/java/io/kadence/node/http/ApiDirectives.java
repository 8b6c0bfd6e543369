package io.kadence.node.http;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * pekko-http's directives plus the two ways every route of the API answers: with an
 * {@link ApiError}, or with the outcome of a call of the node, whose failure becomes the error
 * {@link Failures} maps it to. Unexpected failures are logged here, with their stack trace,
 * and answered with a short {@code internal} message.
 */
abstract class ApiDirectives extends AllDirectives {
  /** The peer's logger. */
  final Logger log;

  ApiDirectives(Logger log) {
    this.log = log;
  }

  /** Completes with {@code error} as JSON. */
  final Route respond(ApiError error) {
    return complete(error.toResponse());
  }

  /** Completes with {@code answer} of the call's result, or with the error of its failure. */
  final <T> Route answer(CompletionStage<T> call, Function<T, HttpResponse> answer) {
    return completeWithFuture(call.handle((result, failure) -> failure == null
        ? answer.apply(result) : failed(failure).toResponse()));
  }

  /** The error of {@code failure}, logged if it is unexpected. */
  final ApiError failed(Throwable failure) {
    ApiError error = Failures.toError(failure);
    if (error.error().equals("internal")) {
      log.warn("HTTP request failed: {}", error.message(), failure);
    }
    return error;
  }
}
