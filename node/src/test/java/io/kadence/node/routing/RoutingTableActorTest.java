package io.kadence.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LogCapturingExtension.class)
class RoutingTableActorTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Random random = new Random(3);
  private final NodeId self = NodeId.random(random);
  private final FakeRpc rpc = new FakeRpc();
  @TempDir Path dir;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** Answers PING from the ids in {@code alive}; every other call times out. */
  static final class FakeRpc implements PeerRpc {
    final Set<NodeId> alive = ConcurrentHashMap.newKeySet();
    final Set<NodeId> pinged = ConcurrentHashMap.newKeySet();

    @Override
    public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
      pinged.add(to.id());
      return alive.contains(to.id())
          ? CompletableFuture.completedFuture(new Message.Pong())
          : CompletableFuture.failedFuture(
              new PeerRpcException(to, PeerRpcException.Reason.TIMEOUT, "test"));
    }
  }

  private ActorRef<RoutingTableActor.Command> spawn(int k) {
    RoutingSettings settings = new RoutingSettings(k, 2, Duration.ofHours(1), Duration.ofSeconds(1),
        3, Duration.ofHours(1));
    return KIT.spawn(RoutingTableActor.create(self, settings, rpc, Clock.systemUTC(),
        Optional.of(dir.resolve("contacts")),
        KIT.<RoutingTableActor.ContactsChanged>createTestProbe().getRef()));
  }

  private Contact contactInBucket(int bucket, int port) {
    return new Contact(NodeId.randomInBucket(self, bucket, random), "127.0.0.1", port);
  }

  private List<Contact> closest(ActorRef<RoutingTableActor.Command> routing, NodeId target) {
    TestProbe<List<Contact>> probe = KIT.createTestProbe();
    routing.tell(new RoutingTableActor.Closest(target, 20, false, probe.getRef()));
    return probe.receiveMessage(WAIT);
  }

  @Test
  void verified_shouldAddContactsAndClosestShouldFindThemWhenProven() {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    Contact a = contactInBucket(255, 1001);
    Contact b = contactInBucket(200, 1002);
    routing.tell(new RoutingTableActor.Verified(a));
    routing.tell(new RoutingTableActor.Verified(b));
    routing.tell(new RoutingTableActor.Verified(new Contact(self, "127.0.0.1", 1)));
    assertEquals(List.of(b, a), closest(routing, self));
  }

  @Test
  void callFailed_shouldEvictOnlyAfterMaxFailuresInARowWhenCallsKeepFailing() {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    Contact a = contactInBucket(255, 1001);
    routing.tell(new RoutingTableActor.Verified(a));
    routing.tell(new RoutingTableActor.CallFailed(a));
    routing.tell(new RoutingTableActor.CallFailed(a));
    routing.tell(new RoutingTableActor.Verified(a)); // an answer resets the count
    routing.tell(new RoutingTableActor.CallFailed(a));
    routing.tell(new RoutingTableActor.CallFailed(a));
    assertEquals(List.of(a), closest(routing, self));
    routing.tell(new RoutingTableActor.CallFailed(a));
    assertEquals(List.of(), closest(routing, self));
  }

  @Test
  void verified_shouldPingLeastRecentlySeenAndKeepItWhenBucketIsFullAndItAnswers() {
    ActorRef<RoutingTableActor.Command> routing = spawn(2);
    Contact a = contactInBucket(255, 1001);
    Contact b = contactInBucket(255, 1002);
    Contact newcomer = contactInBucket(255, 1003);
    rpc.alive.add(a.id());
    routing.tell(new RoutingTableActor.Verified(a));
    routing.tell(new RoutingTableActor.Verified(b));
    routing.tell(new RoutingTableActor.Verified(newcomer));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertTrue(rpc.pinged.contains(a.id()), "the least-recently-seen contact is pinged");
      return null;
    });
    assertFalse(closest(routing, self).contains(newcomer));
  }

  @Test
  void verified_shouldReplaceDeadLeastRecentlySeenWithNewcomerWhenItDoesNotAnswer() {
    ActorRef<RoutingTableActor.Command> routing = spawn(2);
    Contact a = contactInBucket(255, 1001);
    Contact b = contactInBucket(255, 1002);
    Contact newcomer = contactInBucket(255, 1003);
    routing.tell(new RoutingTableActor.Verified(a));
    routing.tell(new RoutingTableActor.Verified(b));
    routing.tell(new RoutingTableActor.Verified(newcomer));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      List<Contact> now = closest(routing, self);
      assertEquals(Set.of(b, newcomer), Set.copyOf(now));
      return null;
    });
  }

  @Test
  void evict_shouldRemoveAndStopShouldSaveContactsWhenTheActorStops() throws Exception {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    Contact a = contactInBucket(255, 1001);
    Contact b = contactInBucket(100, 1002);
    routing.tell(new RoutingTableActor.Verified(a));
    routing.tell(new RoutingTableActor.Verified(b));
    routing.tell(new RoutingTableActor.Evict(a.id()));
    assertEquals(List.of(b), closest(routing, self));
    KIT.stop(routing);
    assertEquals(List.of(b), SavedContacts.load(dir.resolve("contacts")));
  }
}
