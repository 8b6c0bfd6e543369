package io.kadence.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import io.kadence.node.settings.NodeSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real, lone peer for the HTTP API tests, started as {@code KadenceNode.start} starts any
 * peer: loopback, free ports for Artery and HTTP, its own data dir, the fast cluster timings of
 * {@code kadence-fast-cluster.conf} and the short timeouts of the testkit. Values are limited
 * to {@link #MAX_VALUE_BYTES} so the size limit is cheap to test. Plus a JDK HTTP client.
 */
final class TestPeer implements AutoCloseable {
  static final int MAX_VALUE_BYTES = 1024;
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final KadenceNode node;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private TestPeer(KadenceNode node) {
    this.node = node;
  }

  /** Starts a peer with data dir {@code dir}; returns once it serves. */
  static TestPeer start(Path dir) throws KadenceException {
    return start(dir, ConfigFactory.empty());
  }

  /** As {@link #start(Path)}, with {@code overrides} above the test settings. */
  static TestPeer start(Path dir, Config overrides) throws KadenceException {
    Config user = overrides.withFallback(ConfigFactory.parseString("""
        pekko.loglevel = "INFO"
        kadence {
          node { host = "127.0.0.1", port = 0, join-timeout = 20 s, leave-timeout = 10 s }
          lookup { request-timeout = 1 s, timeout = 8 s }
          routing.ping-timeout = 1 s
          storage.max-value-size = %d
          storage.replication-debounce = 300 ms
          http { host = "127.0.0.1", port = 0 }
        }
        """.formatted(MAX_VALUE_BYTES))).withFallback(ConfigFactory.parseResources(
            TestPeer.class.getClassLoader(), "kadence-fast-cluster.conf",
            ConfigParseOptions.defaults().setAllowMissing(false)));
    NodeSettings base = NodeSettings.load(user.withFallback(ConfigFactory.defaultReference())
        .resolve());
    NodeSettings settings = new NodeSettings(base.network().with(0, List.of(), dir),
        base.routing(), base.lookup(), base.storage(), base.security(), base.http());
    return new TestPeer(KadenceNode.start(settings, user));
  }

  /** {@code http://host:port} of the peer's API. */
  URI base() {
    return URI.create("http://" + node.httpAddress());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base().resolve(path)).GET());
  }

  HttpResponse<String> put(String path, byte[] body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base().resolve(path))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return MAPPER.readTree(response.body());
  }

  /** Stops the peer at once, if it still runs. */
  @Override
  public void close() throws Exception {
    node.terminate().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
