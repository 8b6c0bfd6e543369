package io.kadence.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a peer's HTTP API (docs/HTTP-API.md) on 127.0.0.1 and a free port: answers
 * each {@code METHOD path} with a canned status and JSON, and records the requests.
 */
public final class FakeNodeApi implements AutoCloseable {
  /** A request as the fake saw it; {@code path} is raw (still percent-encoded). */
  public record Request(String method, String path, String query, String body,
      String authorization) {}

  private record Reply(int status, String json) {}

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeNodeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A started fake with no routes (every request gets 404 not_found). */
  public static FakeNodeApi start() throws IOException {
    return new FakeNodeApi();
  }

  /** Answers {@code method path} (raw path, no query) with {@code status} and {@code json}. */
  public FakeNodeApi reply(String method, String path, int status, String json) {
    replies.put(method + " " + path, new Reply(status, json));
    return this;
  }

  /** The base URL, as given to {@code --node}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests received so far. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The last request received. */
  public Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  /** A URL on which nothing listens: connecting is refused. */
  public static String refusingUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = exchange.getRequestURI();
    requests.add(new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        body, exchange.getRequestHeaders().getFirst("Authorization")));
    Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + uri.getRawPath(),
        new Reply(404, "{\"error\": \"not_found\", \"message\": \"no such path\"}"));
    byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
