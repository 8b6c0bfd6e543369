package io.kadence.dht.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KBucketTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private final Random random = new Random(7);

  @Test
  void observe_shouldKeepLeastRecentlySeenFirstWhenBucketHasRoom() {
    KBucket bucket = new KBucket(3, 2, T0);
    Contact a = contact(1);
    Contact b = contact(2);
    assertEquals(new ObserveResult.Added(a), bucket.observe(a, T0));
    assertEquals(new ObserveResult.Added(b), bucket.observe(b, T0));
    assertEquals(List.of(a, b), bucket.contacts());
    assertEquals(Optional.of(a), bucket.leastRecentlySeen());
  }

  @Test
  void observe_shouldMoveToTailWhenContactIsKnown() {
    KBucket bucket = filled(3, 2);
    List<Contact> before = bucket.contacts();
    ObserveResult result = bucket.observe(before.get(0), T0);
    assertEquals(new ObserveResult.Updated(before.get(0), before.get(0)), result);
    assertFalse(((ObserveResult.Updated) result).addressChanged());
    assertEquals(List.of(before.get(1), before.get(2), before.get(0)), bucket.contacts());
  }

  @Test
  void observe_shouldTakeNewAddressWhenKnownIdIsSeenElsewhere() {
    KBucket bucket = filled(3, 2);
    Contact old = bucket.contacts().get(1);
    Contact moved = new Contact(old.id(), "192.168.1.9", 7000);
    ObserveResult result = bucket.observe(moved, T0);
    assertEquals(new ObserveResult.Updated(moved, old), result);
    assertTrue(((ObserveResult.Updated) result).addressChanged());
    assertEquals(moved, bucket.contacts().get(2));
    assertEquals(3, bucket.size());
  }

  @Test
  void observe_shouldReportHeadAndCacheNewcomerWhenBucketIsFull() {
    KBucket bucket = filled(3, 2);
    Contact head = bucket.contacts().get(0);
    Contact newcomer = contact(9);
    assertEquals(new ObserveResult.BucketFull(head, newcomer), bucket.observe(newcomer, T0));
    assertEquals(3, bucket.size());
    assertFalse(bucket.contains(newcomer.id()));
    assertEquals(List.of(newcomer), bucket.cache());
  }

  @Test
  void observe_shouldDropOldestCachedWhenCacheOverflows() {
    KBucket bucket = filled(2, 3);
    Contact c1 = contact(11);
    Contact c2 = contact(12);
    Contact c3 = contact(13);
    Contact c4 = contact(14);
    for (Contact c : List.of(c1, c2, c3, c4)) {
      bucket.observe(c, T0);
    }
    assertEquals(List.of(c4, c3, c2), bucket.cache());
  }

  @Test
  void observe_shouldMoveCachedContactToFrontWhenSeenAgain() {
    KBucket bucket = filled(2, 3);
    Contact c1 = contact(11);
    Contact c2 = contact(12);
    bucket.observe(c1, T0);
    bucket.observe(c2, T0);
    Contact c1Moved = new Contact(c1.id(), "10.9.9.9", 9999);
    bucket.observe(c1Moved, T0);
    assertEquals(List.of(c1Moved, c2), bucket.cache());
  }

  @Test
  void observe_shouldDiscardNewcomerWhenCacheIsDisabled() {
    KBucket bucket = filled(2, 0);
    Contact newcomer = contact(9);
    assertTrue(bucket.observe(newcomer, T0) instanceof ObserveResult.BucketFull);
    assertEquals(List.of(), bucket.cache());
  }

  @Test
  void markSeen_shouldMoveHeadToTailAndKeepNewcomerCachedWhenPingSucceeds() {
    KBucket bucket = filled(3, 2);
    List<Contact> before = bucket.contacts();
    Contact newcomer = contact(9);
    bucket.observe(newcomer, T0);
    assertTrue(bucket.markSeen(before.get(0).id(), T0));
    assertEquals(List.of(before.get(1), before.get(2), before.get(0)), bucket.contacts());
    assertEquals(List.of(newcomer), bucket.cache());
    assertFalse(bucket.markSeen(contact(10).id(), T0));
  }

  @Test
  void lastSeen_shouldFollowObservationsAndPingsAndForgetContactsThatLeaveWhenTimePasses() {
    KBucket bucket = new KBucket(2, 1, T0);
    Contact a = contact(1);
    Contact b = contact(2);
    Contact c1 = contact(3);
    Contact c2 = contact(4);
    bucket.observe(a, T0);
    bucket.observe(b, T0.plusSeconds(1));
    assertEquals(Optional.of(T0), bucket.lastSeen(a.id()));
    assertTrue(bucket.markSeen(a.id(), T0.plusSeconds(5)));
    assertEquals(Optional.of(T0.plusSeconds(5)), bucket.lastSeen(a.id()));
    bucket.observe(c1, T0.plusSeconds(6));
    assertEquals(Optional.of(T0.plusSeconds(6)), bucket.lastSeen(c1.id()), "cached: tracked");
    bucket.observe(c2, T0.plusSeconds(7));
    assertEquals(Optional.empty(), bucket.lastSeen(c1.id()), "pushed out of the cache");
    bucket.remove(b.id(), T0.plusSeconds(8));
    assertEquals(Optional.empty(), bucket.lastSeen(b.id()));
    assertEquals(Optional.of(T0.plusSeconds(7)), bucket.lastSeen(c2.id()), "promoted, still");
  }

  @Test
  void remove_shouldPromoteMostRecentCachedWhenContactIsEvicted() {
    KBucket bucket = filled(3, 3);
    List<Contact> before = bucket.contacts();
    Contact older = contact(11);
    Contact newer = contact(12);
    bucket.observe(older, T0);
    bucket.observe(newer, T0);
    RemovalResult result = bucket.remove(before.get(0).id(), T0);
    assertEquals(new RemovalResult.Evicted(before.get(0), Optional.of(newer)), result);
    assertEquals(List.of(before.get(1), before.get(2), newer), bucket.contacts());
    assertEquals(List.of(older), bucket.cache());
  }

  @Test
  void remove_shouldShrinkBucketWhenCacheIsEmpty() {
    KBucket bucket = filled(3, 2);
    Contact middle = bucket.contacts().get(1);
    assertEquals(new RemovalResult.Evicted(middle, Optional.empty()),
        bucket.remove(middle.id(), T0));
    assertEquals(2, bucket.size());
    assertFalse(bucket.contains(middle.id()));
  }

  @Test
  void remove_shouldDropFromCacheWhenIdIsOnlyCached() {
    KBucket bucket = filled(2, 2);
    Contact cached = contact(11);
    bucket.observe(cached, T0);
    assertEquals(new RemovalResult.DroppedFromCache(cached), bucket.remove(cached.id(), T0));
    assertEquals(List.of(), bucket.cache());
    assertEquals(2, bucket.size());
    NodeId stranger = contact(12).id();
    assertEquals(new RemovalResult.Unknown(stranger), bucket.remove(stranger, T0));
  }

  @Test
  void lastActivity_shouldFollowLookupsAndChangesButNotCachingWhenTimePasses() {
    KBucket bucket = new KBucket(1, 1, T0);
    Instant t1 = T0.plus(Duration.ofMinutes(1));
    Instant t2 = T0.plus(Duration.ofMinutes(2));
    Instant t3 = T0.plus(Duration.ofMinutes(3));
    bucket.observe(contact(1), t1);
    assertEquals(t1, bucket.lastChanged());
    bucket.observe(contact(2), t2);
    assertEquals(t1, bucket.lastActivity());
    bucket.touch(t3);
    assertEquals(t3, bucket.lastLookup());
    assertEquals(t3, bucket.lastActivity());
  }

  @Test
  void constructor_shouldRejectWhenSizesAreInvalid() {
    assertThrows(IllegalArgumentException.class, () -> new KBucket(0, 1, T0));
    assertThrows(IllegalArgumentException.class, () -> new KBucket(1, -1, T0));
  }

  private KBucket filled(int k, int cacheCapacity) {
    KBucket bucket = new KBucket(k, cacheCapacity, T0);
    for (int i = 0; i < k; i++) {
      bucket.observe(contact(i + 1), T0);
    }
    assertTrue(bucket.isFull());
    return bucket;
  }

  private Contact contact(int n) {
    return new Contact(NodeId.random(random), "10.0.0." + n, 4000 + n);
  }
}
