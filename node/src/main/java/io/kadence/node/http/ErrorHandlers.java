package io.kadence.node.http;

import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.Rejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;

/**
 * Turns pekko-http's rejections and exceptions into the JSON errors of docs/HTTP-API.md: an
 * unknown path is {@code not_found}, a known path with another method is
 * {@code method_not_allowed} (with an {@code Allow} header), a body over the value limit is
 * {@code value_too_large}, any other rejection {@code bad_request}, and an unexpected exception
 * {@code internal}, logged here and never shown as a stack trace.
 */
final class ErrorHandlers extends ApiDirectives {
  ErrorHandlers(Logger log) {
    super(log);
  }

  RejectionHandler rejections() {
    return RejectionHandler.newBuilder()
        .handleAll(MethodRejection.class, this::methodNotAllowed)
        .handle(MalformedRequestContentRejection.class, this::malformedContent)
        .handle(Rejection.class, r -> respond(ApiError.badRequest("bad request: " + r)))
        .handleNotFound(respond(ApiError.notFound("no such resource; the API is under /v1,"
            + " see docs/HTTP-API.md")))
        .build();
  }

  ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .match(ApiException.class, e -> respond(e.error()))
        .matchAny(e -> respond(failed(e)))
        .build();
  }

  private Route methodNotAllowed(List<MethodRejection> rejections) {
    List<HttpMethod> allowed = rejections.stream().map(MethodRejection::supported).distinct()
        .toList();
    String names = String.join(", ", allowed.stream().map(HttpMethod::name).toList());
    return complete(ApiError.methodNotAllowed("this resource supports " + names)
        .toResponse().addHeader(Allow.create(allowed.toArray(HttpMethod[]::new))));
  }

  private Route malformedContent(MalformedRequestContentRejection rejection) {
    if (rejection.getCause() instanceof EntityStreamSizeException size) {
      return respond(Failures.valueTooLarge(size));
    }
    return respond(ApiError.badRequest("cannot read the request body: " + rejection.message()));
  }
}
