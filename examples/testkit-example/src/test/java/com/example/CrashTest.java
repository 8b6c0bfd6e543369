package com.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.testkit.KadenceClusterExtension;
import io.kadence.testkit.MultiJvmCluster;
import io.kadence.testkit.RemotePeer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrashTest {
  @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

  @Test
  void get_shouldFindEveryValueWhenAPeerProcessIsKilled() {
    // returns when every peer serves and sees the 3 others up and reachable
    MultiJvmCluster cluster = clusters.builder().size(4).start();
    for (int i = 0; i < 20; i++) {
      RemotePeer through = cluster.peer(i % 4);
      assertTrue(through.put("key-" + i, ("value " + i).getBytes(UTF_8)).success());
    }
    cluster.peer(2).kill();          // SIGKILL
    cluster.awaitMembers(3);         // the Split Brain Resolver downed it (about 5 s)
    for (int i = 0; i < 20; i++) {
      assertEquals(List.of("value " + i), cluster.peer(1).get("key-" + i).texts());
    }
  }
}
