package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Peer JVMs joining late and leaving gracefully, through the HTTP API and through SIGTERM. */
@ExtendWith(LogCapturingExtension.class)
class MultiJvmLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** Status of a JVM that ran its shutdown hooks on SIGTERM: 128 + 15. */
  private static final int SIGTERM_STATUS = 143;

  @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

  @Test
  void addPeerLeaveAndStop_shouldChangeTheMembersEveryPeerSeesAndKeepTheDataWhenPeersComeAndGo() {
    MultiJvmCluster cluster = clusters.builder().size(2).start();
    RemotePeer late = cluster.addPeer();
    assertEquals(2, late.index());
    cluster.awaitMembers(3, WAIT);
    List<String> keys = MultiJvmFaultTest.putKeys(cluster, "lifecycle", 10);

    assertEquals(0, cluster.peer(1).leave(WAIT), "exit status after POST /v1/leave");
    cluster.awaitMembers(2, WAIT);
    assertEquals(SIGTERM_STATUS, late.stop(WAIT), "exit status after SIGTERM");
    cluster.awaitMembers(1, WAIT);

    assertEquals(List.of(cluster.peer(0)), cluster.running());
    assertEquals(keys.size(), MultiJvmFaultTest.readAll(cluster.running(), keys),
        "the last peer reads every key");
  }
}
