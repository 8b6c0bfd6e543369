package io.kadence.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.kadence.node.KadenceException;
import io.kadence.node.settings.HostPort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A peer whose HTTP port is taken does not start, and leaves nothing running behind. */
@ExtendWith(LogCapturingExtension.class)
class HttpBindFailureTest {
  @TempDir Path dir;

  @Test
  void start_shouldFailNamingThePortAndReleaseTheDataDirWhenTheHttpPortIsTaken()
      throws Exception {
    String firstToken;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      KadenceException e = assertThrows(KadenceException.class, () -> TestPeer.start(dir,
          ConfigFactory.parseString("kadence.http.port = " + port)));

      assertTrue(e.getMessage().contains("HTTP API on 127.0.0.1:" + port), e.getMessage());
      firstToken = AdminToken.read(dir);
    }
    // The failed start released the data dir: a peer starts on it at once, with a new token.
    try (TestPeer peer = TestPeer.start(dir)) {
      HostPort http = peer.node.httpAddress();
      HttpResponse<String> node = peer.get("/v1/node");
      assertEquals(200, node.statusCode(), node.body());
      assertNotEquals(firstToken, AdminToken.read(dir), "a fresh token at each start");

      peer.node.terminate().toCompletableFuture().get();

      LeaveTest.assertRefused(http);
    }
  }
}
