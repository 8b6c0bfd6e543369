package io.kadence.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Upkeep of the table: re-probes of failed contacts, bucket refresh and saved contacts. */
@ExtendWith(LogCapturingExtension.class)
class RoutingTableActorMaintenanceTest extends RoutingTableActorFixture {
  private static final ActorTestKit KIT = ActorTestKit.create();

  RoutingTableActorMaintenanceTest() {
    super(KIT);
  }

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
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
