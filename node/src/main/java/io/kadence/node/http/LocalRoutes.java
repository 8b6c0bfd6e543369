package io.kadence.node.http;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.node.KadenceNode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * {@code GET /v1/local/keys} and {@code GET /v1/local/keys/{key-or-id}} (docs/HTTP-API.md): the
 * records this peer itself holds, without asking the network, so that a test or an operator can
 * count the live copies of a key across peers (a get cannot: it answers from any replica).
 */
final class LocalRoutes extends ApiDirectives {
  /** Keys per page unless {@code limit} says otherwise. */
  static final int DEFAULT_LIMIT = 1000;
  /** Most keys one page may ask for. */
  static final int MAX_LIMIT = 10_000;
  private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{" + NodeId.BYTES * 2 + "}");

  private final KadenceNode node;

  LocalRoutes(KadenceNode node, Logger log) {
    super(log);
    this.node = node;
  }

  Route route() {
    return pathPrefix("local", () -> pathPrefix("keys", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> parameterOptional("after", after ->
            parameterOptional("limit", limit -> page(cursor(after), limit(limit)))))),
        path(PathMatchers.segment(), segment -> get(() -> one(segment))))));
  }

  private Route page(Optional<NodeId> after, int limit) {
    return answer(node.heldRecords(),
        held -> Json.ok(LocalJson.Page.of(held, after, limit)));
  }

  private Route one(String segment) {
    boolean raw = HEX_ID.matcher(segment).matches();
    Key key = raw ? Key.fromHex(segment) : Key.of(RequestParams.userKey(segment));
    String shown = raw ? null : segment;
    return answer(node.held(key), records -> records.isEmpty()
        ? ApiError.notFound("this peer holds no record of "
            + (raw ? "key id " + key.toHex() : "key '" + segment + "'")).toResponse()
        : Json.ok(LocalJson.HeldKey.of(shown, key.id(), records)));
  }

  /** The {@code after} cursor: a key id, 64 hex digits. */
  static Optional<NodeId> cursor(Optional<String> after) {
    if (after.isEmpty() || after.get().isEmpty()) {
      return Optional.empty();
    }
    if (!HEX_ID.matcher(after.get()).matches()) {
      throw new ApiException(ApiError.badRequest("after must be a key id of 64 hex digits (the"
          + " 'next' of the previous page), got '" + after.get() + "'"));
    }
    return Optional.of(NodeId.fromHex(after.get()));
  }

  /** The {@code limit}: 1 to {@link #MAX_LIMIT} keys, default {@link #DEFAULT_LIMIT}. */
  static int limit(Optional<String> limit) {
    if (limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(limit.get().trim());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(ApiError.badRequest("limit must be a number from 1 to " + MAX_LIMIT
        + ", got '" + limit.get() + "'"));
  }
}
