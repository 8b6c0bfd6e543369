package io.kadence.cli.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The load generator's HTTP client: one JDK {@link HttpClient} (HTTP/1.1, kept-alive
 * connections) for every peer, asynchronous, with the {@code --timeout} on every request.
 */
final class BenchHttp {
  private final HttpClient client;
  private final Duration timeout;

  BenchHttp(Duration timeout) {
    this.timeout = timeout;
    Duration connect = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout
        : Duration.ofSeconds(5);
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A request to {@code uri} with the timeout set. */
  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout);
  }

  /** Sends {@code request}; the future fails only with an {@link IOException} or a bug. */
  CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A short reason for a failed send, to count failures by. */
  static String reasonOf(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof HttpConnectTimeoutException) {
      return "connect timeout";
    }
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    return cause.getClass().getSimpleName();
  }
}
