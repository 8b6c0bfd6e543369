package io.kadence.dht.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.crypto.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives a {@link RoutingTable} and a {@link RoutingTableModel} with the same thousands of
 * seeded random operations and checks after every one that they agree: each decision, the
 * content and order of every bucket and cache, the refresh due list, and
 * {@code closest(target, n)} against a sort of all live contacts by XOR distance.
 */
class RoutingTableModelTest {
  private static final Duration INTERVAL = Duration.ofHours(1);
  /** Bucket indices new ids are steered into, so that those buckets fill and use their cache. */
  private static final int[] HOT = {255, 254, 253, 252, 250, 240, 200, 128, 64, 10, 1, 0};
  private static final int[] SIZES = {1, 5, 20, 50};
  /** closest() is compared on three targets every this many steps; the rest every step. */
  private static final int CLOSEST_EVERY = 4;

  private Random random;
  private ManualClock clock;
  private NodeId self;
  private RoutingTable table;
  private RoutingTableModel model;
  private final List<NodeId> everSeen = new ArrayList<>();

  @ParameterizedTest(name = "k={0} cache={1} seed={2} steps={3}")
  @CsvSource({"4, 2, 1, 20000", "8, 3, 2, 20000", "20, 10, 3, 10000", "2, 0, 4, 5000",
      "1, 1, 5, 5000"})
  void randomOperations_shouldAgreeWithBruteForceModelWhenMixedForThousandsOfSteps(
      int k, int cacheSize, long seed, int steps) {
    random = new Random(seed);
    clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
    self = NodeId.random(random);
    table = new RoutingTable(self, k, cacheSize, INTERVAL, clock);
    model = new RoutingTableModel(self, k, cacheSize, INTERVAL, clock.instant());
    int fullBuckets = 0;
    int promotions = 0;
    for (int step = 0; step < steps; step++) {
      Object outcome = step(random.nextInt(100));
      if (outcome instanceof ObserveResult.BucketFull) {
        fullBuckets++;
      }
      if (outcome instanceof RemovalResult.Evicted e && e.replacement().isPresent()) {
        promotions++;
      }
      checkAgainstModel("step " + step, step % CLOSEST_EVERY == 0);
    }
    assertTrue(fullBuckets > steps / 50, "buckets rarely filled: " + fullBuckets);
    assertTrue(cacheSize == 0 || promotions > steps / 200, "cache rarely used: " + promotions);
  }

  /** Applies one random operation to both, asserts the same decision, returns it. */
  private Object step(int dice) {
    Instant now = clock.instant();
    if (dice < 35) {
      Contact c = contact(newId());
      return same(model.observe(c, now), table.observe(c));
    } else if (dice < 50) {
      NodeId id = anyId();
      Contact c = random.nextInt(4) == 0 ? contact(id) : known(id);
      return same(model.observe(c, now), table.observe(c));
    } else if (dice < 60) {
      NodeId id = random.nextBoolean() ? leastRecentlySeen() : anyId();
      return same(model.pingSucceeded(id, now), table.pingSucceeded(id));
    } else if (dice < 72) {
      NodeId id = random.nextBoolean() ? leastRecentlySeen() : anyId();
      return same(model.remove(id, now), table.failed(id));
    } else if (dice < 78) {
      NodeId id = anyId();
      return same(model.remove(id, now), table.remove(id));
    } else if (dice < 80) {
      return same(model.observe(new Contact(self, "self", 1), now),
          table.observe(new Contact(self, "self", 1)));
    } else if (dice < 88) {
      NodeId target = random.nextInt(10) == 0 ? self : newId();
      if (!target.equals(self)) {
        model.touchBucket(model.bucketOf(target), now);
      }
      table.touch(target);
    } else if (dice < 92) {
      int index = random.nextInt(256);
      model.touchBucket(index, now);
      table.touchBucket(index);
    } else {
      clock.advance(Duration.ofSeconds(random.nextInt(20 * 60)));
    }
    return null;
  }

  private void checkAgainstModel(String when, boolean withClosest) {
    Map<Integer, List<Contact>> buckets = model.buckets();
    Map<Integer, List<Contact>> caches = model.caches();
    Set<Integer> expectedIndices = new TreeSet<>(buckets.keySet());
    expectedIndices.addAll(caches.keySet());
    Set<Integer> indices = new TreeSet<>();
    Set<NodeId> ids = new HashSet<>();
    for (BucketSnapshot s : table.bucketSnapshots()) {
      indices.add(s.index());
      assertTrue(s.contacts().size() <= table.k(), when + ": bucket over k");
      assertTrue(s.cache().size() <= table.cacheSize(), when + ": cache over bound");
      assertTrue(s.cache().isEmpty() || s.contacts().size() == table.k(),
          when + ": cache used while bucket has room");
      for (Contact c : concat(s.contacts(), s.cache())) {
        assertNotEquals(self, c.id(), () -> when + ": self in table");
        assertEquals(s.index(), model.bucketOf(c.id()), () -> when + ": wrong bucket " + c);
        assertTrue(ids.add(c.id()), () -> when + ": duplicate " + c);
      }
      assertEquals(buckets.getOrDefault(s.index(), List.of()), s.contacts(), when);
      assertEquals(caches.getOrDefault(s.index(), List.of()), s.cache(), when);
      assertEquals(model.lastLookup(s.index()), s.lastLookup(), when);
      assertEquals(model.lastChanged(s.index()), s.lastChanged(), when);
    }
    assertEquals(expectedIndices, indices, when + ": non-empty buckets");
    assertEquals(model.liveContacts().size(), table.size(), when + ": size");
    assertEquals(model.needingRefresh(clock.instant()), table.bucketsNeedingRefresh(), when);
    NodeId probe = anyId();
    assertEquals(model.findLive(probe), table.find(probe), when + ": find");
    if (!withClosest) {
      return;
    }
    for (NodeId target : List.of(NodeId.random(random), newId(), anyId())) {
      List<Contact> expected = model.closest(target, SIZES[SIZES.length - 1]);
      for (int n : SIZES) {
        assertEquals(expected.subList(0, Math.min(n, expected.size())), table.closest(target, n),
            () -> when + ": closest(" + target.shortHex() + ", " + n + ")");
      }
    }
  }

  /** A fresh id: uniform, or steered into a {@link #HOT} bucket, or into any bucket. */
  private NodeId newId() {
    int dice = random.nextInt(10);
    NodeId id = dice < 4 ? NodeId.random(random) : NodeId.randomInBucket(self,
        dice < 9 ? HOT[random.nextInt(HOT.length)] : random.nextInt(256), random);
    everSeen.add(id);
    return id;
  }

  /** An id known to the table now (live or cached) most of the time, else any id ever seen. */
  private NodeId anyId() {
    List<Contact> live = model.liveContacts();
    List<Contact> cached = model.cachedContacts();
    int dice = random.nextInt(4);
    if (dice == 0 && !live.isEmpty()) {
      return pick(live).id();
    } else if (dice == 1 && !cached.isEmpty()) {
      return pick(cached).id();
    }
    return everSeen.isEmpty() ? newId() : pick(everSeen);
  }

  /** The head of a random non-empty bucket: the contact a caller would ping. */
  private NodeId leastRecentlySeen() {
    List<List<Contact>> buckets = new ArrayList<>(model.buckets().values());
    return buckets.isEmpty() ? anyId() : pick(buckets).get(0).id();
  }

  /** The contact as the table knows it (so that re-observing keeps its address). */
  private Contact known(NodeId id) {
    return model.findLive(id).orElseGet(() -> model.cachedContacts().stream()
        .filter(c -> c.id().equals(id)).findFirst().orElseGet(() -> contact(id)));
  }

  private Contact contact(NodeId id) {
    int port = 1 + random.nextInt(65535);
    return new Contact(id, "10.0.0." + random.nextInt(256), port);
  }

  private <T> T same(T expected, T actual) {
    assertEquals(expected, actual);
    return actual;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static List<Contact> concat(List<Contact> a, List<Contact> b) {
    List<Contact> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
