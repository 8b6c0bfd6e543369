package io.kadence.node.http;

import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.PutResult;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.StatusReply;

/**
 * Maps what the node's Java API fails with onto the error codes of docs/HTTP-API.md. The
 * guardian refuses with a {@link StatusReply.ErrorMessage} whose text says why
 * ({@code NodeGuardian}, {@code NodeOperations}); a put below its write quorum is no exception
 * but a {@link PutResult} whose {@code success} is false.
 */
final class Failures {
  /** "node is starting", "node is leaving, not serving", "node is leaving; only a serving ..." */
  private static final Pattern NOT_SERVING =
      Pattern.compile("^node is (starting|joining|leaving|stopped)\\b.*");

  private Failures() {}

  /** The API error for a failed call of the node, or for an exception while routing. */
  static ApiError toError(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ApiException api) {
      return api.error();
    }
    if (cause instanceof EntityStreamSizeException size) {
      return valueTooLarge(size);
    }
    if (cause instanceof StatusReply.ErrorMessage refusal) {
      return fromGuardian(refusal.getMessage());
    }
    if (cause instanceof TimeoutException) {
      return ApiError.internal("the node did not answer in time");
    }
    return ApiError.internal("internal error (" + cause.getClass().getSimpleName()
        + "); see the peer's log");
  }

  /** The answer to a put: 200 with its result, or 503 {@code quorum_not_reached}. */
  static ApiError quorumNotReached(String key, PutResult result) {
    // Of the replicas asked, as the body lists them; the configured replication only if the
    // lookup found none to ask.
    int asked = result.outcomes().isEmpty() ? result.replication() : result.outcomes().size();
    return ApiError.quorumNotReached("the put reached " + result.stored() + " of " + asked
        + " replicas; it needed " + result.quorum()
        + " (too few replicas reachable?)", KeyJson.Put.of(key, result));
  }

  /**
   * The answer to a get that found nothing but heard from too few of the key's replica set to
   * say the key does not exist: 503 {@code replicas_unreachable}, never 404.
   */
  static ApiError replicasUnreachable(String key, GetResult result) {
    String why = result.lookup().timedOut() ? "the lookup timed out and " : "";
    return ApiError.replicasUnreachable("no record found for key '" + key + "', but " + why
        + "only " + result.replicasAnswered() + " of its replicas answered, and "
        + result.replicasNeeded() + " must to know it does not exist (peers down or overloaded?);"
        + " try again",
        new ReadCoverage(result.replicasAnswered(), result.replicasNeeded(),
            result.lookup().timedOut()));
  }

  /** The detail of a {@code replicas_unreachable}: replicas answered and needed. */
  record ReadCoverage(int answered, int needed, boolean timedOut) {}

  /** A body larger than the value limit, as the entity's size check reported it. */
  static ApiError valueTooLarge(EntityStreamSizeException e) {
    String size = e.actualSize().isDefined()
        ? e.actualSize().get() + " bytes" : "more than " + e.limit() + " bytes";
    return ApiError.valueTooLarge("value too large: " + size + ", the limit is " + e.limit());
  }

  private static ApiError fromGuardian(String message) {
    if (message.startsWith("value too large")) {
      return ApiError.valueTooLarge(message);
    }
    if (message.startsWith("ttl out of range")) {
      return ApiError.badTtl(message);
    }
    if (NOT_SERVING.matcher(message).matches()) {
      return ApiError.notServing(message);
    }
    return ApiError.internal(message);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
