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

/** {@link PeerProcess#awaitSettled} against a stand-in for a peer's {@code GET /v1/members}. */
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
  void awaitSettled_shouldReturnOnceThePeerListsEveryMemberUpAndReachable() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    PeerProcess peer = peer(n -> switch (n) {
      case 0 -> members("Up:true", "Up:true", "Joining:true");
      case 1 -> members("Up:true", "Up:true", "WeaklyUp:true", "Up:true");
      case 2 -> members("Up:true", "Up:false", "Up:true", "Up:true");
      default -> members("Up:true", "Up:true", "Up:true", "Up:true");
    }, asked);
    StringBuilder last = new StringBuilder();
    assertTrue(peer.awaitSettled(4, Instant.now().plusSeconds(30), last));
    assertEquals("4 members, 4 up, 0 unreachable", last.toString());
    assertEquals(4, asked.get(), "asked until it settled, then no more");
  }

  @Test
  void awaitSettled_shouldGiveUpAtTheBoundSayingWhatThePeerLastListed() throws Exception {
    PeerProcess peer = peer(n -> members("Up:true", "Up:false", "WeaklyUp:false"),
        new AtomicInteger());
    StringBuilder last = new StringBuilder();
    assertFalse(peer.awaitSettled(3, Instant.now().plus(Duration.ofMillis(600)), last));
    assertEquals("3 members, 2 up, 2 unreachable", last.toString());
  }

  /** A {@code /v1/members} answer: one member per "status:reachable". */
  private static String members(String... members) {
    StringBuilder json = new StringBuilder("{\"members\":[");
    for (int i = 0; i < members.length; i++) {
      String[] member = members[i].split(":");
      json.append(i == 0 ? "" : ",").append("{\"address\":\"127.0.0.1:").append(7400 + i)
          .append("\",\"id\":null,\"status\":\"").append(member[0])
          .append("\",\"reachable\":").append(member[1]).append('}');
    }
    return json.append("]}").toString();
  }

  /** A peer process whose {@code /v1/members} answers {@code reply.apply(n)} to its n-th ask. */
  private PeerProcess peer(IntFunction<String> reply, AtomicInteger asked) throws IOException {
    PeerSpec spec = PeerSpec.plan(1, FreePorts.basePort(1), dir).get(0);
    server = HttpServer.create(
        new InetSocketAddress(InetAddress.getByName(PeerSpec.HOST), spec.httpPort()), 0);
    server.createContext("/v1/members", exchange -> {
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
