package io.kadence.dht.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.crypto.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  private static final Duration HOUR = Duration.ofHours(1);

  private final Random random = new Random(11);
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final NodeId self = NodeId.random(random);
  private final RoutingTable table = new RoutingTable(self, 3, 2, HOUR, clock);
  private int port = 1000;

  @Test
  void observe_shouldAddContactWhenBucketHasRoom() {
    Contact c = contactIn(200);
    assertEquals(new ObserveResult.Added(c), table.observe(c));
    assertTrue(table.contains(c.id()));
    assertEquals(Optional.of(c), table.find(c.id()));
    assertEquals(1, table.size());
    assertEquals(List.of(c), table.contacts());
  }

  @Test
  void observe_shouldIgnoreSelfWhenContactIsLocalNode() {
    assertEquals(new ObserveResult.IgnoredSelf(), table.observe(new Contact(self, "h", 1)));
    assertEquals(0, table.size());
    assertFalse(table.contains(self));
    assertEquals(new RemovalResult.Unknown(self), table.failed(self));
  }

  @Test
  void observe_shouldTakeNewAddressWhenKnownIdAnswersFromElsewhere() {
    Contact c = contactIn(200);
    table.observe(c);
    Contact moved = new Contact(c.id(), "10.1.1.1", 9000);
    assertEquals(new ObserveResult.Updated(moved, c), table.observe(moved));
    assertEquals(Optional.of(moved), table.find(c.id()));
    assertEquals(1, table.size());
  }

  @Test
  void observe_shouldReturnLeastRecentlySeenWhenBucketIsFull() {
    List<Contact> filled = fill(200);
    Contact newcomer = contactIn(200);
    assertEquals(new ObserveResult.BucketFull(filled.get(0), newcomer), table.observe(newcomer));
    assertFalse(table.contains(newcomer.id()));
    assertEquals(List.of(newcomer), table.bucketSnapshot(200).cache());
  }

  @Test
  void pingSucceeded_shouldMoveLeastRecentlySeenToTailAndKeepNewcomerCachedWhenItAnswers() {
    List<Contact> filled = fill(200);
    Contact newcomer = contactIn(200);
    table.observe(newcomer);
    assertTrue(table.pingSucceeded(filled.get(0).id()));
    BucketSnapshot bucket = table.bucketSnapshot(200);
    assertEquals(List.of(filled.get(1), filled.get(2), filled.get(0)), bucket.contacts());
    assertEquals(List.of(newcomer), bucket.cache());
    Contact another = contactIn(200);
    assertEquals(new ObserveResult.BucketFull(filled.get(1), another), table.observe(another));
  }

  @Test
  void observe_shouldMoveLeastRecentlySeenToTailWhenItIsObservedAgain() {
    List<Contact> filled = fill(200);
    table.observe(contactIn(200));
    table.observe(filled.get(0));
    assertEquals(List.of(filled.get(1), filled.get(2), filled.get(0)),
        table.bucketSnapshot(200).contacts());
  }

  @Test
  void failed_shouldPromoteNewcomerWhenLeastRecentlySeenFails() {
    List<Contact> filled = fill(200);
    Contact newcomer = contactIn(200);
    table.observe(newcomer);
    assertEquals(new RemovalResult.Evicted(filled.get(0), Optional.of(newcomer)),
        table.failed(filled.get(0).id()));
    assertEquals(List.of(filled.get(1), filled.get(2), newcomer),
        table.bucketSnapshot(200).contacts());
    assertEquals(List.of(), table.bucketSnapshot(200).cache());
    assertEquals(3, table.size());
  }

  @Test
  void failed_shouldDropIdFromCacheWhenItIsOnlyCached() {
    fill(200);
    Contact newcomer = contactIn(200);
    table.observe(newcomer);
    assertEquals(new RemovalResult.DroppedFromCache(newcomer), table.failed(newcomer.id()));
    assertEquals(List.of(), table.bucketSnapshot(200).cache());
    assertEquals(3, table.size());
    NodeId stranger = contactIn(200).id();
    assertEquals(new RemovalResult.Unknown(stranger), table.failed(stranger));
  }

  @Test
  void remove_shouldEvictWithoutReplacementWhenCacheIsEmpty() {
    List<Contact> filled = fill(17);
    assertEquals(new RemovalResult.Evicted(filled.get(1), Optional.empty()),
        table.remove(filled.get(1).id()));
    assertFalse(table.contains(filled.get(1).id()));
    assertEquals(2, table.size());
  }

  @Test
  void closest_shouldEqualSortedContactsWhenTableIsPopulated() {
    RoutingTable big = new RoutingTable(self, 8, 2, HOUR, clock);
    for (int i = 0; i < 2000; i++) {
      int index = random.nextBoolean() ? 255 - random.nextInt(12) : random.nextInt(256);
      big.observe(contact(NodeId.randomInBucket(self, index, random)));
    }
    for (int i = 0; i < 300; i++) {
      NodeId target = i % 3 == 0 ? NodeId.random(random)
          : NodeId.randomInBucket(self, random.nextInt(256), random);
      int n = 1 + random.nextInt(60);
      List<Contact> expected = new ArrayList<>(big.contacts());
      expected.sort((a, b) -> target.compareDistance(a.id(), b.id()));
      assertEquals(expected.subList(0, Math.min(n, expected.size())), big.closest(target, n));
    }
  }

  @Test
  void closest_shouldReturnEverythingSortedWhenNExceedsSize() {
    List<Contact> filled = fill(100);
    Contact far = contactIn(255);
    table.observe(far);
    List<Contact> all = table.closest(self, 50);
    assertEquals(4, all.size());
    assertEquals(far, all.get(3));
    assertEquals(List.of(), table.closest(far.id(), 0));
    assertEquals(List.of(far), table.closest(far.id(), 1));
    assertTrue(filled.containsAll(table.closest(self, 3)));
    assertThrows(IllegalArgumentException.class, () -> table.closest(self, -1));
  }

  @Test
  void closest_shouldIgnoreCachedContactsWhenTargetIsTheirId() {
    fill(200);
    Contact cached = contactIn(200);
    table.observe(cached);
    assertFalse(table.closest(cached.id(), 10).contains(cached));
  }

  @Test
  void bucketsNeedingRefresh_shouldBeEmptyWhenTableIsEmpty() {
    clock.advance(HOUR.multipliedBy(5));
    assertEquals(List.of(), table.bucketsNeedingRefresh());
  }

  @Test
  void bucketsNeedingRefresh_shouldListIdleBucketsFromClosestContactUpWhenIntervalPassed() {
    table.observe(contactIn(250));
    clock.advance(HOUR.minusSeconds(1));
    assertEquals(List.of(), table.bucketsNeedingRefresh());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(250, 251, 252, 253, 254, 255), table.bucketsNeedingRefresh());
  }

  @Test
  void touch_shouldPostponeRefreshWhenBucketWasLookedUp() {
    table.observe(contactIn(250));
    clock.advance(Duration.ofMinutes(30));
    table.touch(table.refreshTarget(252, random));
    table.touchBucket(254);
    table.touch(self);
    clock.advance(Duration.ofMinutes(30));
    assertEquals(List.of(250, 251, 253, 255), table.bucketsNeedingRefresh());
  }

  @Test
  void bucketsNeedingRefresh_shouldPostponeWhenBucketContactsChanged() {
    Contact c = contactIn(250);
    table.observe(c);
    clock.advance(Duration.ofMinutes(30));
    table.pingSucceeded(c.id());
    table.observe(contactIn(253));
    clock.advance(Duration.ofMinutes(30));
    assertEquals(List.of(251, 252, 254, 255), table.bucketsNeedingRefresh());
  }

  @Test
  void refreshTarget_shouldFallInThatBucketWhenIndexIsGiven() {
    for (int index = 0; index < 256; index++) {
      assertEquals(index, self.bucketIndex(table.refreshTarget(index, random)));
    }
  }

  @Test
  void bucketSnapshots_shouldListOnlyNonEmptyBucketsWhenTableIsSparse() {
    Contact c = contactIn(3);
    clock.advance(Duration.ofMinutes(5));
    table.observe(c);
    List<BucketSnapshot> snapshots = table.bucketSnapshots();
    assertEquals(1, snapshots.size());
    BucketSnapshot s = snapshots.get(0);
    assertEquals(3, s.index());
    assertEquals(List.of(c), s.contacts());
    assertEquals(clock.instant(), s.lastChanged());
    assertEquals(clock.instant(), s.lastActivity());
  }

  @Test
  void bucketSnapshot_shouldShowTheTableCreationTimesWhenTheBucketWasNeverUsed() {
    Instant created = clock.instant();
    clock.advance(Duration.ofMinutes(20));
    table.observe(contactIn(250));
    clock.advance(Duration.ofMinutes(20));
    table.touchBucket(251);

    BucketSnapshot unused = table.bucketSnapshot(252);
    BucketSnapshot touched = table.bucketSnapshot(251);

    assertEquals(new BucketSnapshot(252, List.of(), List.of(), created, created), unused);
    assertEquals(new BucketSnapshot(251, List.of(), List.of(), clock.instant(), created), touched);
    assertEquals(List.of(250), table.bucketSnapshots().stream().map(BucketSnapshot::index).toList());
  }

  @Test
  void pingSucceededAndFailed_shouldReportUnknownWhenTheIdsBucketWasNeverUsed() {
    NodeId stranger = NodeId.randomInBucket(self, 100, random);

    assertFalse(table.pingSucceeded(stranger));
    assertEquals(new RemovalResult.Unknown(stranger), table.failed(stranger));
    assertEquals(Optional.empty(), table.find(stranger));
    assertEquals(List.of(), table.bucketSnapshots());
  }

  @Test
  void constructor_shouldRejectWhenSettingsAreInvalid() {
    assertThrows(IllegalArgumentException.class,
        () -> new RoutingTable(self, 1, -1, HOUR, clock));
    assertThrows(IllegalArgumentException.class,
        () -> new RoutingTable(self, 0, 1, HOUR, clock));
    assertThrows(IllegalArgumentException.class,
        () -> new RoutingTable(self, 1, 1, Duration.ZERO, clock));
  }

  private List<Contact> fill(int index) {
    List<Contact> filled = new ArrayList<>();
    for (int i = 0; i < table.k(); i++) {
      Contact c = contactIn(index);
      assertEquals(new ObserveResult.Added(c), table.observe(c));
      filled.add(c);
    }
    return filled;
  }

  private Contact contactIn(int index) {
    return contact(NodeId.randomInBucket(self, index, random));
  }

  private Contact contact(NodeId id) {
    port++;
    return new Contact(id, "10.0." + (port / 250) + "." + (port % 250), port);
  }
}
