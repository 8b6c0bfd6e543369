package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PeerProcess#awaitSettled} against a stand-in for a peer's {@code GET /v1/node}. */
class PeerProcessTest {
  @TempDir
  Path dir;
  private HttpServer server;
  private Process process;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  void awaitSettled_shouldReturnOnceThePeerCountsEveryMemberAndNoneUnreachable()
      throws Exception {
    AtomicInteger asked = new AtomicInteger();
    PeerProcess peer = peer(n -> n < 3
        ? "{\"state\":\"SERVING\",\"members\":3,\"unreachable\":1}"
        : "{\"state\":\"SERVING\",\"members\":4,\"unreachable\":0}", asked);
    StringBuilder last = new StringBuilder();
    assertTrue(peer.awaitSettled(4, Instant.now().plusSeconds(30), last));
    assertEquals("4 members, 0 unreachable", last.toString());
    assertEquals(4, asked.get(), "asked until it settled, then no more");
  }

  @Test
  void awaitSettled_shouldGiveUpAtTheBoundSayingWhatThePeerLastCounted() throws Exception {
    PeerProcess peer = peer(n -> "{\"state\":\"SERVING\",\"members\":4,\"unreachable\":2}",
        new AtomicInteger());
    StringBuilder last = new StringBuilder();
    assertFalse(peer.awaitSettled(4, Instant.now().plus(Duration.ofMillis(600)), last));
    assertEquals("4 members, 2 unreachable", last.toString());
  }

  /** A peer process whose {@code /v1/node} answers {@code reply.apply(n)} to its n-th ask. */
  private PeerProcess peer(IntFunction<String> reply, AtomicInteger asked) throws IOException {
    PeerSpec spec = PeerSpec.plan(1, FreePorts.basePort(1), dir).get(0);
    server = HttpServer.create(
        new InetSocketAddress(InetAddress.getByName(PeerSpec.HOST), spec.httpPort()), 0);
    server.createContext("/v1/node", exchange -> {
      byte[] body = reply.apply(asked.getAndIncrement()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    process = new ProcessBuilder("sleep", "30").start();
    return new PeerProcess(spec, process);
  }
}
