package io.kadence.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.node.lookup.PutResult;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.receptionist.Receptionist$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Starting a lone peer, and the start-up failures a person must get a clear message for. */
@ExtendWith(LogCapturingExtension.class)
class KadenceNodeStartTest {
  private static final Config FAST = ConfigFactory.parseString("""
      pekko.cluster.gossip-interval = 200ms
      pekko.cluster.leader-actions-interval = 200ms
      pekko.cluster.periodic-tasks-initial-delay = 100ms
      pekko.cluster.jmx.enabled = off
      kadence.node.join-timeout = 3 s
      kadence.lookup.request-timeout = 500 ms
      kadence.lookup.timeout = 3 s
      """);
  @TempDir Path dir;

  private NodeSettings settings(int port, List<HostPort> bootstrap, Path dataDir) {
    NodeSettings base = NodeSettings.load(FAST.withFallback(ConfigFactory.defaultReference())
        .resolve());
    return new NodeSettings(base.network().with(port, bootstrap, dataDir), base.routing(),
        base.lookup(), base.storage(), base.security(), base.http());
  }

  @Test
  void start_shouldServeAloneAndHoldTheOnlyCopyWhenNoBootstrapIsGiven() throws Exception {
    try (KadenceNode node = KadenceNode.start(settings(0, List.of(), dir), FAST)) {
      assertTrue(node.address().port() > 0);
      // Kadence registers no actors with Pekko's receptionist: it is not started (in cluster mode
      // it would run a Distributed Data replicator gossiping in every peer).
      assertFalse(node.actorSystem().hasExtension(Receptionist$.MODULE$),
          "the receptionist is started");
      PutResult put = node.put("solo", "only here".getBytes(UTF_8)).toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      assertTrue(put.success(), put.toString());
      assertEquals(1, put.stored());
      assertTrue(put.soleCopy(), "the result says this peer holds the only copy");
      assertEquals("only here", new String(node.get("solo").toCompletableFuture()
          .get(10, TimeUnit.SECONDS).records().get(0).value(), UTF_8));
    }
  }

  @Test
  void put_shouldRefuseWithAClearMessageWhenValueOrTtlIsOutOfRange() throws Exception {
    try (KadenceNode node = KadenceNode.start(settings(0, List.of(), dir), FAST)) {
      CompletionException big = assertThrows(CompletionException.class, () -> node.put(
          Key.of("big"), new byte[64 * 1024 + 1], null, ExpectedSequence.ANY)
          .toCompletableFuture().join());
      assertTrue(big.getCause().getMessage().contains("value too large"), big.getMessage());
      CompletionException ttl = assertThrows(CompletionException.class, () -> node.put(
          Key.of("ttl"), new byte[1], Duration.ofDays(30), ExpectedSequence.ANY)
          .toCompletableFuture().join());
      assertTrue(ttl.getCause().getMessage().contains("ttl out of range"), ttl.getMessage());
      assertEquals(0, node.info().toCompletableFuture().get(10, TimeUnit.SECONDS)
          .storage().records(), "nothing stored");
    }
  }

  @Test
  void start_shouldFailClearlyWithinTheJoinTimeoutWhenNoBootstrapNodeAnswers()
      throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    long start = System.nanoTime();
    KadenceException e = assertThrows(KadenceException.class, () -> KadenceNode.start(
        settings(0, List.of(new HostPort("127.0.0.1", closedPort)), dir), FAST));
    assertTrue(e.getMessage().contains("could not join the network through"), e.getMessage());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "no hang");
    // nothing keeps running: the data dir is free again
    KadenceNode.start(settings(0, List.of(), dir), FAST).terminate().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void start_shouldFailClearlyWhenThePortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      KadenceException e = assertThrows(KadenceException.class, () -> KadenceNode.start(
          settings(taken.getLocalPort(), List.of(), dir), FAST));
      assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          e.getMessage());
    }
  }

  @Test
  void start_shouldFailClearlyWhenTheDataDirIsNotWritable() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    KadenceException e = assertThrows(KadenceException.class,
        () -> KadenceNode.start(settings(0, List.of(), file), FAST));
    assertTrue(e.getMessage().contains("not a writable directory"), e.getMessage());
  }
}
