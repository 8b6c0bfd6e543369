package io.kadence.node.http;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.node.KadenceNode;
import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.PutResult;
import java.time.Duration;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.slf4j.Logger;

/**
 * {@code PUT} and {@code GET /v1/keys/{key}} (docs/HTTP-API.md): publish the request body under
 * a user key, signed by this peer, and read the newest record of each publisher of a key. The
 * key is one decoded path segment (a {@code /} in a key travels as {@code %2F}). A body over
 * {@code kadence.storage.max-value-size} is refused as it streams in, never read in full.
 */
final class KeyRoutes extends ApiDirectives {
  private final KadenceNode node;
  private final long maxValueBytes;

  KeyRoutes(KadenceNode node, Logger log) {
    super(log);
    this.node = node;
    this.maxValueBytes = node.settings().storage().maxValueBytes();
  }

  Route route() {
    return pathPrefix("keys", () -> concat(
        pathEndOrSingleSlash(() -> respond(ApiError.badKey("the key must not be empty"))),
        pathPrefix(PathMatchers.segment(), segment -> concat(
            pathEnd(() -> concat(
                put(() -> publish(RequestParams.userKey(segment))),
                get(() -> read(RequestParams.userKey(segment))))),
            rawPathPrefix(PathMatchers.slash(), () -> respond(ApiError.badKey(
                "a key is one path segment: send a '/' in it as %2F")))))));
  }

  private Route publish(String key) {
    return parameterOptional("ttl", text -> {
      Duration ttl = RequestParams.ttl(text).orElse(null);
      return withSizeLimit(maxValueBytes, () -> entity(Unmarshaller.entityToByteArray(), value ->
          answer(node.put(Key.of(key), value, ttl, ExpectedSequence.ANY),
              result -> putAnswer(key, result))));
    });
  }

  private Route read(String key) {
    return answer(node.get(Key.of(key)), result -> getAnswer(key, result));
  }

  private static HttpResponse putAnswer(String key, PutResult result) {
    return result.success()
        ? Json.ok(KeyJson.Put.of(key, result))
        : Failures.quorumNotReached(key, result).toResponse();
  }

  private static HttpResponse getAnswer(String key, GetResult result) {
    if (result.found()) {
      return Json.ok(KeyJson.Get.of(key, result));
    }
    return result.notFound()
        ? ApiError.notFound("no record for key '" + key + "'").toResponse()
        : Failures.replicasUnreachable(key, result).toResponse();
  }
}
