package io.kadence.node.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.dht.wire.Message;
import io.kadence.node.routing.ContactsView;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the {@link Replicator} tests share: a routing table of eight peers, twenty records, and
 * a transport that records every STORE; each test class brings its own actor system.
 */
abstract class ReplicatorFixture {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final int REPLICATION = 3;

  final Random random = new Random(5);
  final Contact self = contact(7000);
  final List<Contact> peers = new ArrayList<>();
  final List<SignedRecord> records = new ArrayList<>();
  final StoreRecorder rpc = new StoreRecorder();
  ActorRef<RoutingTableActor.Command> routing;
  final ContactsView view = new ContactsView();
  private final ActorTestKit testKit;

  ReplicatorFixture(ActorTestKit testKit) {
    this.testKit = testKit;
  }

  /** Records every STORE; answers stored, except from the peers marked dead. */
  static final class StoreRecorder implements PeerRpc {
    final List<Map.Entry<NodeId, SignedRecord>> stores = new CopyOnWriteArrayList<>();
    final Set<NodeId> dead = ConcurrentHashMap.newKeySet();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
      calls.incrementAndGet();
      if (dead.contains(to.id())) {
        return CompletableFuture.failedFuture(
            new PeerRpcException(to, PeerRpcException.Reason.TIMEOUT, "dead"));
      }
      stores.add(Map.entry(to.id(), ((Message.Store) request).record()));
      return CompletableFuture.completedFuture(Message.StoreAck.ok());
    }

    @Override
    public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
      throw new UnsupportedOperationException("these tests never identify a member");
    }
  }

  Contact contact(int port) {
    return new Contact(NodeId.random(random), "127.0.0.1", port);
  }

  @BeforeEach
  void setUp() {
    routing = testKit.spawn(RoutingTableActor.create(self.id(), new RoutingSettings(20, 2,
        Duration.ofHours(1), Duration.ofSeconds(1), 3, Duration.ofHours(1), Duration.ofSeconds(1),
        Duration.ofSeconds(30), 10, Duration.ZERO), rpc,
        Clock.systemUTC(), Optional.empty(),
        testKit.<RoutingTableActor.ContactsChanged>createTestProbe().getRef(), view));
    for (int i = 0; i < 8; i++) {
      Contact peer = contact(7001 + i);
      peers.add(peer);
      routing.tell(new RoutingTableActor.Verified(peer));
    }
    // The view is published as the actor takes them in: its answer comes after all eight.
    assertEquals(8, closestInTable(self.id(), 20).size());
    NodeKeyPair publisher = NodeKeyPair.generate(new SecureRandom());
    for (int i = 0; i < 20; i++) {
      records.add(SignedRecord.create(publisher, Key.of("key-" + i), 1, Instant.now(),
          Duration.ofHours(1), new byte[] {(byte) i}));
    }
  }

  ActorRef<Replicator.Command> replicator() {
    return replicator(Set::of);
  }

  ActorRef<Replicator.Command> replicator(Supplier<Set<Contact>> members) {
    ReplicatorSettings settings = new ReplicatorSettings(REPLICATION, Duration.ofMillis(50),
        Duration.ofHours(1), Duration.ofSeconds(1), 4, 10_000);
    return testKit.spawn(Replicator.create(self, settings, rpc,
        () -> CompletableFuture.completedFuture(List.copyOf(records)), view, members));
  }

  /**
   * The routing actor's {@code n} closest to {@code target}: its answer comes after every
   * message told to it before, so the view the replicator reads is up to date.
   */
  List<Contact> closestInTable(NodeId target, int n) {
    TestProbe<List<Contact>> table = testKit.createTestProbe();
    routing.tell(new RoutingTableActor.Closest(target, n, table.getRef()));
    return table.receiveMessage(WAIT);
  }

  /** The (peer, record) pairs a correct run sends: replica set members other than self. */
  Set<Map.Entry<NodeId, SignedRecord>> expected(boolean withSelf) {
    Set<Map.Entry<NodeId, SignedRecord>> pairs = new HashSet<>();
    for (SignedRecord r : records) {
      List<Contact> set = withSelf
          ? ReplicaSets.withSelf(r.key().id(), self, peers, REPLICATION)
          : ReplicaSets.closest(r.key().id(), peers, REPLICATION);
      set.stream().filter(c -> !c.equals(self)).forEach(c -> pairs.add(Map.entry(c.id(), r)));
    }
    return pairs;
  }
}
