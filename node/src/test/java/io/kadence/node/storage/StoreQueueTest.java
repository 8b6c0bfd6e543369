package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.CAROL;
import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.bytes;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.settings;
import static io.kadence.node.storage.StorageFixtures.signedRaw;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.TestInbox;
import org.junit.jupiter.api.Test;

class StoreQueueTest {
  private final StoreState state = new StoreState(4);
  private final StoreQueue queue = new StoreQueue(settings());

  private static StorageActor.Store store(SignedRecord record) {
    return new StorageActor.Store(record, ExpectedSequence.ANY,
        TestInbox.<StorageActor.StoreReply>create().getRef());
  }

  private static StorageEvent stored(SignedRecord record) {
    return new StorageEvent.RecordStored(record, T0.toEpochMilli());
  }

  @Test
  void add_shouldAskForAFlushOnlyWhenTheStoreIsTheFirstQueued() {
    assertTrue(queue.isEmpty());

    assertTrue(queue.add(store(record(ALICE, 1, "a"))));
    assertFalse(queue.add(store(record(BOB, 1, "b"))));
    assertFalse(queue.isEmpty());
  }

  @Test
  void next_shouldLeaveASecondStoreOfAKeyQueuedWhenTheBatchHoldsOneOfThatKey() {
    StorageActor.Store first = store(record(ALICE, 1, "one"));
    StorageActor.Store other = store(sized(BOB, 1, 10));
    StorageActor.Store second = store(record(ALICE, 2, "two"));
    List.of(first, other, second).forEach(queue::add);

    StoreQueue.Batch batch = queue.next(state, T0);

    assertEquals(List.of(first, other), batch.toPersist());
    assertEquals(List.of(stored(first.record()), stored(other.record())), batch.events());
    assertFalse(queue.isEmpty());
    batch.events().forEach(state::apply);
    StoreQueue.Batch next = queue.next(state, T0);
    assertEquals(List.of(second), next.toPersist());
    assertEquals(List.of(stored(second.record())), next.events());
    assertTrue(queue.isEmpty());
  }

  @Test
  void next_shouldAnswerRefusalsAndRepeatsNowAndCountRefusalsWhenPlanned() {
    SignedRecord held = record(ALICE, 1, "a");
    state.apply(stored(held));
    StorageActor.Store repeat = store(held);
    StorageActor.Store tooLong = store(signedRaw(BOB, Key.of("other"), 1, T0.toEpochMilli(),
        Duration.ofHours(49).toMillis(), bytes("v")));
    StorageActor.Store fresh = store(sized(CAROL, 1, 10));
    List.of(repeat, tooLong, fresh).forEach(queue::add);

    StoreQueue.Batch batch = queue.next(state, T0);

    assertEquals(List.of(repeat, tooLong, fresh),
        batch.stores().stream().map(StoreQueue.Planned::store).toList());
    assertEquals(List.of(Optional.of(StorageActor.StoreReply.STORED),
        Optional.of(new StorageActor.StoreReply(Optional.of(StoreRefusal.TTL_OUT_OF_RANGE))),
        Optional.empty()), batch.stores().stream().map(StoreQueue.Planned::answerNow).toList());
    assertEquals(List.of(fresh), batch.toPersist());
    assertEquals(List.of(stored(fresh.record())), batch.events());
    assertEquals(Map.of(StoreRefusal.TTL_OUT_OF_RANGE, 1L), queue.refusals());
  }

  @Test
  void refusals_shouldBeAnUnmodifiableCopyWhenRead() {
    queue.add(store(signedRaw(ALICE, KEY, -1, T0.toEpochMilli(), 3_600_000, bytes("v"))));
    queue.next(state, T0);
    Map<StoreRefusal, Long> before = queue.refusals();

    queue.add(store(signedRaw(ALICE, KEY, -1, T0.toEpochMilli(), 3_600_000, bytes("v"))));
    queue.next(state, T0);

    assertEquals(Map.of(StoreRefusal.MALFORMED, 1L), before);
    assertEquals(Map.of(StoreRefusal.MALFORMED, 2L), queue.refusals());
    assertThrows(UnsupportedOperationException.class,
        () -> before.put(StoreRefusal.EXPIRED, 1L));
  }
}
