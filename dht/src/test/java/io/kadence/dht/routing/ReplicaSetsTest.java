package io.kadence.dht.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplicaSetsTest {
  private final Random random = new Random(11);

  private Contact contact(int port) {
    return new Contact(NodeId.random(random), "127.0.0.1", port);
  }

  @Test
  void closest_shouldEqualFullSortByXorWhenCandidatesAreRandom() {
    for (int run = 0; run < 500; run++) {
      List<Contact> candidates = new ArrayList<>();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        candidates.add(contact(1000 + i));
      }
      NodeId target = NodeId.random(random);
      int replication = 1 + random.nextInt(8);
      List<Contact> expected = candidates.stream()
          .sorted(Comparator.comparing(c -> new BigInteger(1, c.id().xor(target).bytes())))
          .limit(replication).toList();
      assertEquals(expected, ReplicaSets.closest(target, candidates, replication));
    }
  }

  @Test
  void closest_shouldCountEachNodeOnceWhenCandidatesRepeat() {
    Contact a = contact(1);
    Contact b = contact(2);
    List<Contact> set = ReplicaSets.closest(a.id(), List.of(a, a, b, a), 3);
    assertEquals(List.of(a, b), set);
    assertThrows(IllegalArgumentException.class, () -> ReplicaSets.closest(a.id(), List.of(), 0));
  }

  @Test
  void withSelf_shouldIncludeSelfWhenItIsAmongTheClosest() {
    Contact self = contact(1);
    List<Contact> others = List.of(contact(2), contact(3), contact(4));
    assertEquals(self, ReplicaSets.withSelf(self.id(), self, others, 2).get(0));
    assertTrue(ReplicaSets.withSelf(self.id(), self, List.of(), 5).contains(self));
  }

  @Test
  void withSelf_shouldKeepSelfOnceWhenPeersListItOrRepeat() {
    Contact self = contact(1);
    Contact a = contact(2);
    List<Contact> set = ReplicaSets.withSelf(self.id(), self, List.of(a, self, a), 5);
    assertEquals(List.of(self, a), set);
  }

  @Test
  void readQuorum_shouldMakeReadAndWriteQuorumsOverlapWhenWritesNeedFew() {
    assertEquals(3, ReplicaSets.readQuorum(5, 3), "the defaults: R = W = 3 of 5");
    assertEquals(5, ReplicaSets.readQuorum(5, 1), "R + W > N");
    assertEquals(4, ReplicaSets.readQuorum(5, 2), "R + W > N");
    assertEquals(5, ReplicaSets.readQuorum(5, 5), "at least W");
    assertEquals(1, ReplicaSets.readQuorum(1, 1));
    assertThrows(IllegalArgumentException.class, () -> ReplicaSets.readQuorum(3, 4));
    assertThrows(IllegalArgumentException.class, () -> ReplicaSets.readQuorum(3, 0));
  }
}
