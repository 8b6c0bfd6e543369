package io.kadence.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.node.settings.HostPort;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/leave} with the right admin token: its own peer, since the peer stops. */
@ExtendWith(LogCapturingExtension.class)
class LeaveTest {
  @TempDir Path dir;

  @Test
  void leave_shouldAcceptAndStopThePeerAndItsApiWhenTheTokenIsRight() throws Exception {
    try (TestPeer peer = TestPeer.start(dir)) {
      HostPort http = peer.node.httpAddress();
      String token = AdminToken.read(dir);

      HttpResponse<String> response = peer.send(HttpRequest.newBuilder(
              peer.base().resolve("/v1/leave"))
          .header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.noBody()));

      assertEquals(202, response.statusCode(), response.body());
      JsonNode json = TestPeer.json(response);
      assertEquals("LEAVING", json.get("state").asText());
      peer.node.whenTerminated().toCompletableFuture()
          .get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertRefused(http);
    }
  }

  /** Nothing listens on {@code address} any more. */
  static void assertRefused(HostPort address) {
    assertThrows(ConnectException.class, () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address.host(), address.port()), 5_000);
      }
    }, "the HTTP API at " + address + " is unbound");
  }
}
