package io.kadence.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.crypto.testing.ManualClock;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  private ActorRef<RoutingTableActor.Command> spawn(int k) {
    return spawn(k, Duration.ofHours(1));
  }

  /** A routing actor saving {@code saveDelay} after a change, re-probing from 50 ms on. */
  private ActorRef<RoutingTableActor.Command> spawn(int k, Duration saveDelay) {
    return spawn(k, saveDelay, Duration.ZERO, Clock.systemUTC());
  }

  /** A routing actor whose full buckets ping only contacts not seen for {@code questionable}. */
  private ActorRef<RoutingTableActor.Command> spawn(int k, Duration saveDelay,
      Duration questionable, Clock clock) {
    return spawn(k, saveDelay, questionable, clock, new ContactsView());
  }

  private ActorRef<RoutingTableActor.Command> spawn(int k, Duration saveDelay,
      Duration questionable, Clock clock, ContactsView view) {
    RoutingSettings settings = new RoutingSettings(k, 2, Duration.ofHours(1), Duration.ofSeconds(1),
        3, saveDelay, Duration.ofMillis(50), Duration.ofMillis(200), 4, questionable);
    return KIT.spawn(RoutingTableActor.create(self, settings, rpc, clock,
        Optional.of(dir.resolve("contacts")),
        KIT.<RoutingTableActor.ContactsChanged>createTestProbe().getRef(), view));
  }

  /** Reports each of {@code contacts} verified, in order, as the transport does. */
  private static void verified(ActorRef<RoutingTableActor.Command> routing, Contact... contacts) {
    for (Contact contact : contacts) {
      routing.tell(new RoutingTableActor.Verified(contact));
    }
  }

  private Contact contactInBucket(int bucket, int port) {
    return new Contact(NodeId.randomInBucket(self, bucket, random), "127.0.0.1", port);
  }

  private List<Contact> closest(ActorRef<RoutingTableActor.Command> routing, NodeId target) {
    TestProbe<List<Contact>> probe = KIT.createTestProbe();
    routing.tell(new RoutingTableActor.Closest(target, 20, probe.getRef()));
    return probe.receiveMessage(WAIT);
  }

  @Test
  void lookedUp_shouldSpareTheTargetsBucketTheNextRefresh() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
    ActorRef<RoutingTableActor.Command> routing =
        spawn(3, Duration.ofHours(1), Duration.ZERO, clock);
    Contact near = contactInBucket(250, 2001);
    Contact far = contactInBucket(255, 2002);
    rpc.alive.add(near.id());
    rpc.alive.add(far.id());
    verified(routing, near, far);
    closest(routing, far.id()); // both added once the actor answers after them
    clock.advance(Duration.ofHours(2)); // past the refresh interval of 1 h
    assertEquals(Set.of(250, 251, 252, 253, 254, 255), refreshBuckets(routing));

    routing.tell(new RoutingTableActor.LookedUp(NodeId.randomInBucket(self, 255, random)));
    assertEquals(Set.of(250, 251, 252, 253, 254), refreshBuckets(routing));
  }

  private Set<Integer> refreshBuckets(ActorRef<RoutingTableActor.Command> routing) {
    TestProbe<List<NodeId>> probe = KIT.createTestProbe();
    routing.tell(new RoutingTableActor.GetRefreshTargets(probe.getRef()));
    Set<Integer> buckets = new java.util.TreeSet<>();
    probe.receiveMessage(WAIT).forEach(target -> buckets.add(self.bucketIndex(target)));
    return buckets;
  }

  @Test
  void contactsView_shouldAnswerAsTheTableWhenContactsComeGoAndMove() {
    ContactsView view = new ContactsView();
    ActorRef<RoutingTableActor.Command> routing =
        spawn(3, Duration.ofHours(1), Duration.ofHours(1), Clock.systemUTC(), view);
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Buckets of 3: the far buckets fill and later contacts wait in their caches.
      Contact c = contactInBucket(255 - i % 8, 2000 + i);
      contacts.add(c);
      rpc.alive.add(c.id());
      verified(routing, c);
    }
    Contact moved = contacts.get(1);
    verified(routing, new Contact(moved.id(), "127.0.0.1", 9999));
    routing.tell(new RoutingTableActor.Evict(contacts.get(0).id()));

    for (int i = 0; i < 20; i++) {
      NodeId target = NodeId.random(random);
      TestProbe<List<Contact>> probe = KIT.createTestProbe();
      routing.tell(new RoutingTableActor.Closest(target, 21, probe.getRef()));
      List<Contact> table = probe.receiveMessage(WAIT);
      NodeId requester = table.get(i % table.size()).id();
      assertEquals(table.stream().filter(c -> !c.id().equals(requester)).limit(20).toList(),
          view.closest(target, 20, requester));
    }
    assertTrue(view.closest(self, 20, self).stream()
        .anyMatch(c -> c.id().equals(moved.id()) && c.port() == 9999), "the new address");
    assertTrue(view.closest(self, 20, self).stream()
        .noneMatch(c -> c.id().equals(contacts.get(0).id())), "the evicted contact is gone");
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
    verified(routing, a, b, newcomer);
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertTrue(rpc.pinged.contains(a.id()), "the least-recently-seen contact is pinged");
      return null;
    });
    assertFalse(closest(routing, self).contains(newcomer));
  }

  @Test
  void verified_shouldNotPingALeastRecentlySeenContactHeardFromRecentlyWhenTheBucketIsFull() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-05T12:00:00Z"));
    ActorRef<RoutingTableActor.Command> routing =
        spawn(2, Duration.ofHours(1), Duration.ofMinutes(1), clock);
    Contact a = contactInBucket(255, 1001);
    Contact b = contactInBucket(255, 1002);
    Contact newcomer = contactInBucket(255, 1003);
    Contact later = contactInBucket(255, 1004);
    rpc.alive.add(a.id());
    verified(routing, a, b, newcomer);
    assertEquals(Set.of(a, b), Set.copyOf(closest(routing, self)), "a and b stay");
    assertEquals(0, rpc.calls.get(), "a was seen just now: no ping");

    clock.advance(Duration.ofSeconds(61));
    routing.tell(new RoutingTableActor.Verified(later));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertTrue(rpc.pinged.contains(a.id()), "a is questionable after a minute: pinged");
      return null;
    });
    assertEquals(1, rpc.calls.get());
  }

  @Test
  void verified_shouldReplaceDeadLeastRecentlySeenWithNewcomerWhenItDoesNotAnswer() {
    ActorRef<RoutingTableActor.Command> routing = spawn(2);
    Contact a = contactInBucket(255, 1001);
    Contact b = contactInBucket(255, 1002);
    Contact newcomer = contactInBucket(255, 1003);
    verified(routing, a, b, newcomer);
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

  @Test
  void probe_shouldAddASlowMemberOnceItAnswersAgainWhenItsFirstPingFailed() {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    rpc.reportTo = routing;
    Contact slow = contactInBucket(255, 1001);
    routing.tell(new RoutingTableActor.Probe(slow));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertTrue(rpc.calls.get() >= 2, "pinged again after the failed ping");
      return null;
    });
    assertEquals(List.of(), closest(routing, self));
    rpc.alive.add(slow.id());
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(List.of(slow), closest(routing, self));
      return null;
    });
  }

  @Test
  void callFailed_shouldProbeAnEvictedContactAgainAndStopAfterTheAttemptsWhenItNeverAnswers() {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    rpc.reportTo = routing;
    Contact a = contactInBucket(255, 1001);
    routing.tell(new RoutingTableActor.Verified(a));
    for (int i = 0; i < 3; i++) {
      routing.tell(new RoutingTableActor.CallFailed(a));
    }
    assertEquals(List.of(), closest(routing, self));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(4, rpc.calls.get(), "the 4 re-probe attempts of the settings");
      return null;
    });
    rpc.alive.add(a.id());
    routing.tell(new RoutingTableActor.Probe(a)); // membership reports it again
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(List.of(a), closest(routing, self));
      return null;
    });
  }

  @Test
  void evictAt_shouldRemoveEveryContactAtTheAddressAndNoOtherWhenMembershipKnowsNoId() {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    Contact a = contactInBucket(255, 1001);
    Contact aOldIdentity = contactInBucket(254, 1001);
    Contact b = contactInBucket(200, 1002);
    Contact otherHost = new Contact(NodeId.randomInBucket(self, 199, random), "127.0.0.2", 1001);
    verified(routing, a, aOldIdentity, b, otherHost);
    routing.tell(new RoutingTableActor.EvictAt("127.0.0.1", 1001));
    assertEquals(Set.of(b, otherHost), Set.copyOf(closest(routing, self)));
  }

  @Test
  void evict_shouldStopTheReprobesWhenMembershipGivesUpOnTheContact() {
    ActorRef<RoutingTableActor.Command> routing = spawn(20);
    Contact a = contactInBucket(255, 1001);
    routing.tell(new RoutingTableActor.Probe(a));
    routing.tell(new RoutingTableActor.Evict(a.id()));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(1, rpc.calls.get(), "the probe's ping");
      return null;
    });
    rpc.reportTo = routing;
    rpc.alive.add(a.id());
    // longer than every backoff delay of the settings (50 + 100 + 200 + 200 ms)
    KIT.createTestProbe().expectNoMessage(Duration.ofMillis(800));
    assertEquals(1, rpc.calls.get(), "not probed again after the eviction");
    assertEquals(List.of(), closest(routing, self));
  }

  @Test
  void verified_shouldSaveTheContactsSoonAfterAChangeAndNeverOverwriteThemWithAnEmptyTable()
      throws Exception {
    ActorRef<RoutingTableActor.Command> routing = spawn(20, Duration.ofMillis(100));
    Contact a = contactInBucket(255, 1001);
    routing.tell(new RoutingTableActor.Verified(a));
    KIT.createTestProbe().awaitAssert(WAIT, () -> {
      assertEquals(List.of(a), SavedContacts.load(dir.resolve("contacts")), "saved while running");
      return null;
    });
    routing.tell(new RoutingTableActor.Evict(a.id()));
    assertEquals(List.of(), closest(routing, self));
    KIT.stop(routing);
    assertEquals(List.of(a), SavedContacts.load(dir.resolve("contacts")),
        "the empty table did not overwrite the saved contacts");
  }
}
