package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kadence.node.settings.HostPort;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerSpecTest {
  @Test
  void plan_shouldGiveEachPeerItsPortsDirAndTheFirstAsBootstrap() {
    List<PeerSpec> plan = PeerSpec.plan(3, 7400, Path.of("/tmp/net"));
    assertEquals(3, plan.size());
    assertNull(plan.get(0).bootstrap());
    assertEquals(new PeerSpec(2, 7402, 7482, Path.of("/tmp/net/peer-2"),
        new HostPort("127.0.0.1", 7400)), plan.get(2));
    assertEquals(URI.create("http://127.0.0.1:7481"), plan.get(1).httpUrl());
    assertEquals(Path.of("/tmp/net/peer-1/node.log"), plan.get(1).logFile());
    assertEquals(Path.of("/tmp/net/peer-1/admin.token"), plan.get(1).adminTokenFile());
  }

  @Test
  void nodeArguments_shouldRunKadenceNodeWithThePeersFlags() {
    List<PeerSpec> plan = PeerSpec.plan(2, 9000, Path.of("/d"));
    assertEquals(List.of("node", "--host", "127.0.0.1", "--port", "9000", "--http-port", "9080",
        "--data-dir", "/d/peer-0"), plan.get(0).nodeArguments());
    assertEquals(List.of("node", "--host", "127.0.0.1", "--port", "9001", "--http-port", "9081",
        "--data-dir", "/d/peer-1", "--bootstrap", "127.0.0.1:9000"), plan.get(1).nodeArguments());
  }

  @Test
  void plan_shouldRefuseSizesAndPortsOutOfRange() {
    assertEquals("N must be 1..80, got 0", assertThrows(IllegalArgumentException.class,
        () -> PeerSpec.plan(0, 7400, Path.of("x"))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> PeerSpec.plan(81, 7400, Path.of("x")));
    assertThrows(IllegalArgumentException.class, () -> PeerSpec.plan(1, 0, Path.of("x")));
    assertThrows(IllegalArgumentException.class, () -> PeerSpec.plan(5, 65452, Path.of("x")));
  }
}
