package io.kadence.dht.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The simulated network's tables and answers, checked by brute force on a small network. */
class SimulatedNetworkTest {
  private static final int K = 8;
  private final SimulatedNetwork network = SimulatedNetwork.create(400, K, new Random(7));

  @Test
  void table_shouldHoldMinOfKAndBucketSizeFromEveryBucketWhenBuiltFromGlobalKnowledge() {
    for (int node = 0; node < network.size(); node++) {
      NodeId self = network.contact(node).id();
      int[] bucketSizes = new int[NodeId.BITS];
      for (int other = 0; other < network.size(); other++) {
        if (other != node) {
          bucketSizes[self.bucketIndex(network.contact(other).id())]++;
        }
      }
      int[] tableSizes = new int[NodeId.BITS];
      Set<Contact> seen = new HashSet<>();
      for (Contact contact : network.table(node)) {
        assertNotEquals(self, contact.id());
        assertTrue(seen.add(contact), "duplicate in table");
        tableSizes[self.bucketIndex(contact.id())]++;
      }
      for (int b = 0; b < NodeId.BITS; b++) {
        assertEquals(Math.min(K, bucketSizes[b]), tableSizes[b], "node " + node + " bucket " + b);
      }
    }
  }

  @Test
  void closestKnown_shouldBeTheKClosestOfTheTableWhenQueried() {
    Random random = new Random(11);
    for (int i = 0; i < 50; i++) {
      int node = random.nextInt(network.size());
      NodeId target = NodeId.random(random);
      List<Contact> expected = network.table(node).stream()
          .sorted(Comparator.comparing(Contact::id, target.distanceOrder())).limit(K).toList();
      assertEquals(expected, network.closestKnown(node, target));
    }
  }

  @Test
  void trueClosest_shouldSkipSelfAndNodesThatDoNotAnswerWhenSomeAreDead() {
    NodeId target = NodeId.random(new Random(3));
    List<Contact> all = IntStream.range(0, network.size()).mapToObj(network::contact)
        .sorted(Comparator.comparing(Contact::id, target.distanceOrder())).toList();
    int self = network.indexOf(all.get(0).id());
    network.setBehavior(network.indexOf(all.get(1).id()), SimulatedNetwork.Behavior.FAILS);
    network.setBehavior(network.indexOf(all.get(2).id()), SimulatedNetwork.Behavior.SLOW);
    assertEquals(List.of(all.get(2), all.get(3), all.get(5)),
        network.trueClosest(target, 3, self, Set.of(all.get(4))));
  }
}
