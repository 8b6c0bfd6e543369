package io.kadence.node.http;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the path segments and query parameters of the HTTP API (docs/HTTP-API.md): user
 * keys, TTLs, lookup targets and flags. Each parser throws an {@link ApiException} with the
 * error code of the contract ({@code bad_key}, {@code bad_ttl}, {@code bad_request}).
 */
final class RequestParams {
  /** Longest user key accepted, in UTF-8 bytes. */
  static final int MAX_KEY_BYTES = 1024;

  private static final Pattern TTL = Pattern.compile("(\\d{1,9})([smhd]?)");
  private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{" + NodeId.BYTES * 2 + "}");

  private RequestParams() {}

  /**
   * A user key from its decoded path segment: not empty, at most {@link #MAX_KEY_BYTES} bytes
   * of UTF-8. pekko-http decodes percent-escapes that are not UTF-8 to U+FFFD, so a key with
   * U+FFFD is refused: hashing the replacement character would silently store under another
   * key than the client meant.
   */
  static String userKey(String segment) {
    if (segment.isEmpty()) {
      throw new ApiException(ApiError.badKey("the key must not be empty"));
    }
    if (segment.indexOf('\uFFFD') >= 0) {
      throw new ApiException(ApiError.badKey("the key is not valid UTF-8 (or holds U+FFFD)"));
    }
    int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new ApiException(ApiError.badKey("the key is " + bytes
          + " bytes of UTF-8, the limit is " + MAX_KEY_BYTES));
    }
    return segment;
  }

  /**
   * A TTL such as {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or {@code 3600} (seconds);
   * empty if none was given, so that the node's default applies. Whether it is within the
   * node's limits is the node's to say.
   */
  static Optional<Duration> ttl(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = TTL.matcher(text.get().trim());
    if (!m.matches()) {
      throw new ApiException(ApiError.badTtl("ttl must be like 90s, 10m, 2h, 1d or a number of"
          + " seconds, got '" + text.get() + "'"));
    }
    long amount = Long.parseLong(m.group(1));
    if (amount == 0) {
      throw new ApiException(ApiError.badTtl("ttl must be positive, got '" + text.get() + "'"));
    }
    return Optional.of(switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofSeconds(amount);
    });
  }

  /** A lookup target: 64 hex digits are a raw id, anything else a user key hashed to one. */
  static NodeId lookupTarget(String segment) {
    if (HEX_ID.matcher(segment).matches()) {
      return NodeId.fromHex(segment);
    }
    return Key.of(userKey(segment)).id();
  }

  /** A boolean query flag: absent or {@code false} is false, {@code true} is true. */
  static boolean flag(String name, Optional<String> value) {
    if (value.isEmpty() || value.get().equalsIgnoreCase("false")) {
      return false;
    }
    if (value.get().equalsIgnoreCase("true")) {
      return true;
    }
    throw new ApiException(ApiError.badRequest(name + " must be true or false, got '"
        + value.get() + "'"));
  }
}
