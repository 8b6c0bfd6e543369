package io.kadence.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * JSON bodies of the HTTP API (docs/HTTP-API.md): the DTO records of this package written with
 * one shared Jackson mapper. The DTOs hold only strings, numbers, booleans, lists and maps, so
 * the mapper needs no modules.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A 200 response with {@code body} as JSON. */
  static HttpResponse ok(Object body) {
    return response(StatusCodes.OK, body);
  }

  /** A response with {@code status} and {@code body} as JSON. */
  static HttpResponse response(StatusCode status, Object body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // Our own DTOs always serialize; this is a bug, reported without leaking the body.
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName()
          + " as JSON", e);
    }
    return HttpResponse.create().withStatus(status)
        .withEntity(ContentTypes.APPLICATION_JSON, bytes);
  }
}
