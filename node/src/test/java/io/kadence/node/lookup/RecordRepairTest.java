package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.BOB;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link RecordRepair}: the newest record of each publisher, and the stores that spread it. */
class RecordRepairTest {
  private static final NodeId ALICE_ID = NodeId.of(ALICE.nodeId());
  private static final NodeId BOB_ID = NodeId.of(BOB.nodeId());

  private final SignedRecord alice1 = Fixtures.record(ALICE, 1);
  private final SignedRecord alice2 = Fixtures.record(ALICE, 2);
  private final SignedRecord bob5 = Fixtures.record(BOB, 5);
  private final SignedRecord bob7 = Fixtures.record(BOB, 7);

  @Test
  void newestPerPublisher_shouldKeepTheHighestSequenceOfEachPublisher() {
    List<SignedRecord> newest =
        RecordRepair.newestPerPublisher(List.of(alice1, bob7, alice2, bob5, alice1));
    assertEquals(2, newest.size());
    assertEquals(Map.of(ALICE_ID, alice2, BOB_ID, bob7), Map.of(
        newest.get(0).publisherId(), newest.get(0), newest.get(1).publisherId(), newest.get(1)));
  }

  @Test
  void newestPerPublisher_shouldPickTheSameRecordInAnyOrderWhenAPublisherSignedTwoWithOneSequence() {
    SignedRecord other = SignedRecord.create(ALICE, KEY, 2, Fixtures.NOW.minusSeconds(60),
        Fixtures.HOUR, "other".getBytes(StandardCharsets.UTF_8));
    assertEquals(RecordRepair.newestPerPublisher(List.of(alice2, other)),
        RecordRepair.newestPerPublisher(List.of(other, alice2)));
  }

  @Test
  void newestPerPublisher_shouldBeEmptyWhenNothingWasFound() {
    assertEquals(List.of(), RecordRepair.newestPerPublisher(List.of()));
  }

  @Test
  void plan_shouldStoreOnMissingAndStaleReplicasOnlyWhenOthersAreCurrent() {
    List<Contact> replicas = contacts(4);
    Map<Contact, List<SignedRecord>> holdings = new LinkedHashMap<>();
    holdings.put(replicas.get(0), List.of(alice2, bob7));
    holdings.put(replicas.get(1), List.of(alice1, bob7));
    holdings.put(replicas.get(2), List.of());
    holdings.put(replicas.get(3), List.of(bob5));
    assertEquals(List.of(
            new Repair(replicas.get(1), alice2, true),
            new Repair(replicas.get(2), alice2, false),
            new Repair(replicas.get(2), bob7, false),
            new Repair(replicas.get(3), alice2, false),
            new Repair(replicas.get(3), bob7, true)),
        RecordRepair.plan(List.of(alice2, bob7), holdings));
  }

  @Test
  void plan_shouldLeaveAReplicaAloneWhenItHoldsAHigherSequence() {
    Contact replica = contacts(1).get(0);
    assertEquals(List.of(), RecordRepair.plan(List.of(alice1), Map.of(replica, List.of(alice2))));
  }

  private static List<Contact> contacts(int n) {
    Random random = new Random(n);
    return IntStream.range(0, n)
        .mapToObj(i -> new Contact(NodeId.random(random), "h" + i, 4000)).toList();
  }
}
