package io.kadence.node.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ReplicaSet}: who holds a key's copies, and how many answers a read waits for. */
class ReplicaSetTest {
  private static final NodeId KEY = NodeId.random(new Random(1));

  @Test
  void closest_shouldTakeTheReplicationClosestByXorIncludingSelfWhenSelfIsClose() {
    List<Contact> byDistance = contacts(Fixtures.idsByDistance(new Random(2), 8, KEY));
    Contact self = byDistance.get(1);
    List<Contact> responded = List.of(byDistance.get(6), byDistance.get(0), byDistance.get(3),
        byDistance.get(7), byDistance.get(2));
    assertEquals(List.of(byDistance.get(0), self, byDistance.get(2), byDistance.get(3)),
        ReplicaSet.closest(KEY, self, responded, 4));
  }

  @Test
  void closest_shouldLeaveSelfOutWhenReplicationCloserPeersResponded() {
    List<Contact> byDistance = contacts(Fixtures.idsByDistance(new Random(3), 5, KEY));
    assertEquals(byDistance.subList(0, 3),
        ReplicaSet.closest(KEY, byDistance.get(4), byDistance.subList(0, 4), 3));
  }

  @Test
  void closest_shouldCountEachIdOnceWhenAPeerIsListedTwiceOrIsSelf() {
    List<Contact> byDistance = contacts(Fixtures.idsByDistance(new Random(4), 3, KEY));
    Contact self = byDistance.get(0);
    assertEquals(byDistance, ReplicaSet.closest(KEY, self,
        List.of(byDistance.get(2), self, byDistance.get(1), byDistance.get(2)), 5));
  }

  @Test
  void closest_shouldBeSelfAloneWhenNoPeerResponded() {
    Contact self = new Contact(KEY, "self", 4000);
    assertEquals(List.of(self), ReplicaSet.closest(KEY, self, List.of(), 5));
  }

  @Test
  void readQuorum_shouldMakeReadAndWriteQuorumsOverlapWhenWritesNeedFew() {
    assertEquals(3, ReplicaSet.readQuorum(5, 3), "the defaults: R = W = 3 of 5");
    assertEquals(5, ReplicaSet.readQuorum(5, 1), "R + W > N");
    assertEquals(4, ReplicaSet.readQuorum(5, 2), "R + W > N");
    assertEquals(5, ReplicaSet.readQuorum(5, 5), "at least W");
    assertEquals(1, ReplicaSet.readQuorum(1, 1));
  }

  @Test
  void readQuorum_shouldRefuseAWriteQuorumAboveReplication() {
    assertThrows(IllegalArgumentException.class, () -> ReplicaSet.readQuorum(3, 4));
  }

  private static List<Contact> contacts(List<NodeId> ids) {
    return ids.stream().map(id -> new Contact(id, "h" + id.shortHex(), 4000)).toList();
  }
}
