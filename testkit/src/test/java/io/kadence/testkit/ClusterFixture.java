package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.node.KadenceNode;
import io.kadence.node.NodeInfo;
import io.kadence.node.lookup.PutResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared steps of the multi-peer scenarios. */
final class ClusterFixture {
  static final Duration WAIT = Duration.ofSeconds(60);

  private ClusterFixture() {}

  /** Waits until every running peer sees {@code size} members up and none unreachable. */
  static void awaitMembers(InJvmCluster cluster, int size) {
    for (KadenceNode peer : cluster.running()) {
      Await.until("peer " + peer.id().shortHex() + " to see " + size + " members up", WAIT,
          () -> InJvmCluster.await(peer.info(), WAIT),
          (NodeInfo info) -> info.members() == size && info.unreachable() == 0
              && info.routingContacts() >= size - 1);
    }
  }

  /** Puts {@code count} keys through varying peers; every put must be acknowledged. */
  static List<Key> putKeys(InJvmCluster cluster, String prefix, int count) {
    List<Key> keys = new ArrayList<>();
    List<KadenceNode> peers = cluster.running();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      PutResult put = InJvmCluster.await(peers.get(i % peers.size())
          .put(name, ("value of " + name).getBytes(StandardCharsets.UTF_8)), WAIT);
      assertTrue(put.success(), "put " + name + " acknowledged: " + put);
      keys.add(Key.of(name));
    }
    return keys;
  }

  /** Waits until every key has {@code copies} live copies; returns how long that took. */
  static Duration awaitCopies(InJvmCluster cluster, List<Key> keys, int copies) {
    long start = System.nanoTime();
    for (Key key : keys) {
      Await.until(key + " to have " + copies + " live copies", WAIT,
          () -> cluster.copies(key), n -> n >= copies);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
