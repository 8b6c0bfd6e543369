package com.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.node.KadenceNode;
import io.kadence.node.NodeInfo;
import io.kadence.testkit.Await;
import io.kadence.testkit.InJvmCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LogCapturingExtension.class)
class GreetingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path root;

  @Test
  void get_shouldFindTheValueWhenAnotherPeerCrashed() throws Exception {
    try (InJvmCluster cluster = InJvmCluster.start(4, root)) {
      // start() returns when every peer serves; wait until each also sees all four
      for (KadenceNode peer : cluster.peers()) {
        Await.until(peer.id().shortHex() + " to see 4 members", WAIT,
            () -> peer.info().toCompletableFuture().join(),
            (NodeInfo info) -> info.members() == 4 && info.unreachable() == 0);
      }
      assertTrue(cluster.peer(0).put("greeting", "hello".getBytes(UTF_8))
          .toCompletableFuture().join().success());
      cluster.crash(2);   // stops the actor system at once: no leave, no hand-off
      var get = cluster.peer(3).get("greeting").toCompletableFuture().join();
      assertEquals("hello", new String(get.records().get(0).value(), UTF_8));
    }
  }
}
