package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stand-ins for {@code dhtnode --proxyserver} REST servers sharing one store, answering with
 * the shapes observed from dhtnode 2.4.12 (see {@link OpenDhtTarget}): {@code GET /} with a
 * {@code node_id}, {@code POST /key/{hash}} with {@code {"data": base64}} answered by the value
 * with its id, {@code GET /key/{hash}} answered by one JSON value per line, chunked. Records
 * which server got which request.
 */
final class FakeOpenDht implements AutoCloseable {
  /** A request: which server, method, and the infohash (or "/" for the root). */
  record Seen(int server, String method, String hash) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<HttpServer> servers = new ArrayList<>();
  private final Map<String, List<String>> store = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(Long.parseUnsignedLong("10458989757523838871"));
  /** Puts answered 502 {"err":"Put failed"} while true. */
  volatile boolean failPuts;
  /** Values stored under these hashes are not kept. */
  final java.util.Set<String> forget = ConcurrentHashMap.newKeySet();

  FakeOpenDht(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      int index = i;
      server.createContext("/", exchange -> handle(index, exchange));
      server.start();
      servers.add(server);
    }
  }

  /** The base URLs, as {@code --peers} takes them. */
  String peersFlag() {
    return String.join(",", urls().stream().map(URI::toString).toList());
  }

  List<URI> urls() {
    return servers.stream().map(s -> URI.create("http://127.0.0.1:" + s.getAddress().getPort()))
        .toList();
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(int server, HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/") && method.equals("GET")) {
        seen.add(new Seen(server, method, "/"));
        send(exchange, 200, "{\"ipv4\":{\"dubious\":0,\"good\":1,\"incoming\":0},\"node_id\":"
            + "\"07d769657d9edcd07b06e4762602e2eda395b884\",\"ops\":1}", false);
        return;
      }
      if (!path.startsWith("/key/")) {
        send(exchange, 404, "", false);
        return;
      }
      String hash = path.substring("/key/".length());
      seen.add(new Seen(server, method, hash));
      if (method.equals("POST")) {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (failPuts) {
          send(exchange, 502, "{\"err\":\"Put failed\"}", false);
          return;
        }
        String value = "{\"data\":\"" + body.get("data").asText() + "\",\"id\":\""
            + Long.toUnsignedString(ids.incrementAndGet()) + "\",\"type\":0}";
        if (!forget.contains(hash)) {
          store.computeIfAbsent(hash, h -> new CopyOnWriteArrayList<>()).add(value);
        }
        send(exchange, 200, value, false);
      } else if (method.equals("GET")) {
        StringBuilder lines = new StringBuilder();
        store.getOrDefault(hash, List.of()).forEach(v -> lines.append(v).append('\n'));
        send(exchange, 200, lines.toString(), true);
      } else {
        send(exchange, 405, "", false);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body, boolean chunked)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
