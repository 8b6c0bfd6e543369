package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.CAROL;
import static io.kadence.node.storage.StorageFixtures.HOUR;
import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.bytes;
import static io.kadence.node.storage.StorageFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.SignedRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreStateTest {
  private static final Key KEY_2 = Key.of("other");

  private final StoreState state = new StoreState(4);

  private void store(SignedRecord r) {
    state.apply(new StorageEvent.RecordStored(r, T0.toEpochMilli()));
  }

  @Test
  void apply_shouldCountRecordsKeysAndValueBytesWhenRecordsAreStored() {
    store(record(ALICE, 1, "aaaa"));
    store(record(BOB, 1, "bb"));
    store(record(ALICE, KEY_2, 1, T0, HOUR, bytes("c")));

    assertEquals(3, state.recordCount());
    assertEquals(2, state.keyCount());
    assertEquals(7, state.valueBytes());
  }

  @Test
  void apply_shouldAccountTheNewSizeWhenAHigherSequenceReplacesARecord() {
    store(record(ALICE, 1, "a long first value"));
    SignedRecord second = record(ALICE, 2, "short");
    store(second);

    assertEquals(1, state.recordCount());
    assertEquals(5, state.valueBytes());
    assertEquals(List.of(second), state.live(KEY, T0));
  }

  @Test
  void apply_shouldKeepOneRecordPerPublisherWhenSeveralPublishKey() {
    store(record(ALICE, 1, "a"));
    store(record(BOB, 7, "b"));
    store(record(CAROL, 3, "c"));

    assertEquals(3, state.live(KEY, T0).size());
    assertEquals(1, state.keyCount());
  }

  @Test
  void apply_shouldRemoveExactlyTheNamedRecordsWhenTheyExpire() {
    SignedRecord alice = record(ALICE, 1, "aaa");
    SignedRecord bob = record(BOB, 1, "bb");
    store(alice);
    store(bob);

    state.apply(new StorageEvent.RecordsExpired(List.of(RecordId.of(alice))));

    assertEquals(List.of(bob), state.allHeld());
    assertEquals(1, state.recordCount());
    assertEquals(2, state.valueBytes());
    state.apply(new StorageEvent.RecordsExpired(List.of(RecordId.of(bob))));
    assertEquals(0, state.keyCount());
    assertEquals(0, state.valueBytes());
  }

  @Test
  void apply_shouldKeepTheNewerRecordWhenAnOlderOneIsHandedOff() {
    SignedRecord first = record(ALICE, 1, "one");
    store(first);
    store(record(ALICE, 2, "two"));

    state.apply(new StorageEvent.RecordsHandedOff(List.of(RecordId.of(first))));

    assertEquals(1, state.recordCount());
    assertEquals(2, state.live(KEY, T0).get(0).sequence());
  }

  @Test
  void apply_shouldKeepARecordThatExpiredSinceWhenEventsAreReplayedLater() {
    store(record(ALICE, 1, "a"));

    // Replay happens at any later time; the state still holds the record, reads hide it.
    assertEquals(1, state.recordCount());
    assertEquals(List.of(), state.live(KEY, T0.plus(Duration.ofHours(2))));
    assertEquals(1, state.expiredAt(T0.plus(HOUR)).size());
  }

  @Test
  void apply_shouldDropTheKeysExpiredRecordsWhenAStoreWasDecidedAfterTheirExpiry() {
    store(record(ALICE, 1, "aaaa"));
    SignedRecord later = record(BOB, KEY, 1, T0.plus(HOUR), HOUR, bytes("b"));

    state.apply(new StorageEvent.RecordStored(later, T0.plus(HOUR).toEpochMilli()));

    assertEquals(List.of(later), state.allHeld());
    assertEquals(1, state.valueBytes());
    assertTrue(state.expiredAt(T0.plus(HOUR)).isEmpty());
  }

  @Test
  void expiredAt_shouldListTheExpiredRecordsEarliestFirstWhenTimePasses() {
    SignedRecord shortLived = record(ALICE, KEY, 1, T0, Duration.ofMinutes(10), bytes("a"));
    SignedRecord longer = record(BOB, KEY_2, 1, T0, Duration.ofMinutes(20), bytes("b"));
    store(longer);
    store(shortLived);
    store(record(CAROL, 1, "lives"));

    assertEquals(List.of(), state.expiredAt(T0.plus(Duration.ofMinutes(9))));
    assertEquals(List.of(shortLived), state.expiredAt(T0.plus(Duration.ofMinutes(10))));
    assertEquals(List.of(shortLived, longer), state.expiredAt(T0.plus(Duration.ofMinutes(30))));
  }

  @Test
  void holds_shouldBeTrueOnlyForTheExactRecordWhenASlotIsOccupied() {
    SignedRecord stored = record(ALICE, 1, "a");
    store(stored);

    assertTrue(state.holds(stored));
    assertFalse(state.holds(record(ALICE, 1, "other value, same sequence")));
    assertFalse(state.holds(record(BOB, 1, "a")));
  }

  @Test
  void of_shouldRebuildAnEqualStateWhenGivenEveryHeldRecord() {
    store(record(ALICE, 1, "a"));
    store(record(BOB, 2, "bb"));
    store(record(ALICE, KEY_2, 5, T0, Duration.ofMinutes(1), bytes("short-lived")));

    StoreState copy = StoreState.of(4, state.allHeld());

    assertEquals(state.allHeld(), copy.allHeld());
    assertEquals(state.recordCount(), copy.recordCount());
    assertEquals(state.keyCount(), copy.keyCount());
    assertEquals(state.valueBytes(), copy.valueBytes());
    assertEquals(state.expiredAt(T0.plus(HOUR)), copy.expiredAt(T0.plus(HOUR)));
  }
}
