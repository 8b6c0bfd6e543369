package io.kadence.node.routing;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@link RoutingTableActor} tests share: routing actors saving to a temporary
 * directory, a transport that answers PING from chosen ids, and contacts in chosen buckets;
 * each test class brings its own actor system.
 */
abstract class RoutingTableActorFixture {
  static final Duration WAIT = Duration.ofSeconds(5);

  final Random random = new Random(3);
  final NodeId self = NodeId.random(random);
  final FakeRpc rpc = new FakeRpc();
  @TempDir Path dir;
  private final ActorTestKit testKit;

  RoutingTableActorFixture(ActorTestKit testKit) {
    this.testKit = testKit;
  }

  /**
   * Answers PING from the ids in {@code alive}, and reports the answer as the transport does
   * (Verified) to {@code reportTo} if set; every other call times out.
   */
  static final class FakeRpc implements PeerRpc {
    final Set<NodeId> alive = ConcurrentHashMap.newKeySet();
    final Set<NodeId> pinged = ConcurrentHashMap.newKeySet();
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    volatile ActorRef<RoutingTableActor.Command> reportTo;

    @Override
    public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
      pinged.add(to.id());
      calls.incrementAndGet();
      if (!alive.contains(to.id())) {
        return CompletableFuture.failedFuture(
            new PeerRpcException(to, PeerRpcException.Reason.TIMEOUT, "test"));
      }
      if (reportTo != null) {
        reportTo.tell(new RoutingTableActor.Verified(to));
      }
      return CompletableFuture.completedFuture(new Message.Pong());
    }

    @Override
    public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
      throw new UnsupportedOperationException("these tests never identify a member");
    }
  }

  ActorRef<RoutingTableActor.Command> spawn(int k) {
    return spawn(k, Duration.ofHours(1));
  }

  /** A routing actor saving {@code saveDelay} after a change, re-probing from 50 ms on. */
  ActorRef<RoutingTableActor.Command> spawn(int k, Duration saveDelay) {
    return spawn(k, saveDelay, Duration.ZERO, Clock.systemUTC());
  }

  /** A routing actor whose full buckets ping only contacts not seen for {@code questionable}. */
  ActorRef<RoutingTableActor.Command> spawn(int k, Duration saveDelay,
      Duration questionable, Clock clock) {
    return spawn(k, saveDelay, questionable, clock, new ContactsView());
  }

  ActorRef<RoutingTableActor.Command> spawn(int k, Duration saveDelay,
      Duration questionable, Clock clock, ContactsView view) {
    RoutingSettings settings = new RoutingSettings(k, 2, Duration.ofHours(1), Duration.ofSeconds(1),
        3, saveDelay, Duration.ofMillis(50), Duration.ofMillis(200), 4, questionable);
    return testKit.spawn(RoutingTableActor.create(self, settings, rpc, clock,
        Optional.of(dir.resolve("contacts")),
        testKit.<RoutingTableActor.ContactsChanged>createTestProbe().getRef(), view));
  }

  /** Reports each of {@code contacts} verified, in order, as the transport does. */
  static void verified(ActorRef<RoutingTableActor.Command> routing, Contact... contacts) {
    for (Contact contact : contacts) {
      routing.tell(new RoutingTableActor.Verified(contact));
    }
  }

  Contact contactInBucket(int bucket, int port) {
    return new Contact(NodeId.randomInBucket(self, bucket, random), "127.0.0.1", port);
  }

  List<Contact> closest(ActorRef<RoutingTableActor.Command> routing, NodeId target) {
    TestProbe<List<Contact>> probe = testKit.createTestProbe();
    routing.tell(new RoutingTableActor.Closest(target, 20, probe.getRef()));
    return probe.receiveMessage(WAIT);
  }
}
