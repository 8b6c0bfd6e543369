package io.kadence.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admission to the table and eviction from it, and the contacts view that follows both. */
@ExtendWith(LogCapturingExtension.class)
class RoutingTableActorAdmissionTest extends RoutingTableActorFixture {
  private static final ActorTestKit KIT = ActorTestKit.create();

  RoutingTableActorAdmissionTest() {
    super(KIT);
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
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
}
