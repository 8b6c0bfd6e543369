package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreSnapshotAdapterTest {
  private final StoreSnapshotAdapter adapter = new StoreSnapshotAdapter(StorageFixtures.settings());

  private static StoreState stateOf(int records, int valueBytes) {
    StoreState state = new StoreState(4);
    for (int i = 0; i < records; i++) {
      state.apply(new StorageEvent.RecordStored(sized(ALICE, i, valueBytes), T0.toEpochMilli()));
    }
    return state;
  }

  @Test
  void fromJournal_shouldRebuildTheSameStateWhenGivenWhatToJournalWrote() {
    StoreState state = stateOf(50, 100);

    StoreState back = adapter.fromJournal(adapter.toJournal(state));

    assertEquals(state.allHeld(), back.allHeld());
    assertEquals(state.valueBytes(), back.valueBytes());
  }

  @Test
  void toJournal_shouldWriteBytesWhenTheStoreIsFarLargerThanAPeerEnvelope() {
    // 4,000 records of 1 KiB: about 4.6 MB, four times the node serializer's output cap.
    StoreState state = stateOf(4000, 1024);

    Object snapshot = adapter.toJournal(state);

    byte[] bytes = assertInstanceOf(byte[].class, snapshot);
    assertTrue(bytes.length > 4_000_000, "size " + bytes.length);
    assertEquals(4000, adapter.fromJournal(bytes).recordCount());
  }

  @Test
  void fromJournal_shouldAcceptASnapshotObjectWhenOneIsStoredDirectly() {
    StoreState state = stateOf(3, 10);

    assertEquals(state.allHeld(), adapter.fromJournal(new StoreSnapshot(state.allHeld())).allHeld());
  }

  @Test
  void fromJournal_shouldFailLoudlyWhenTheBytesAreCorrupt() {
    byte[] bytes = (byte[]) adapter.toJournal(stateOf(3, 10));

    assertThrows(RuntimeException.class,
        () -> adapter.fromJournal(Arrays.copyOf(bytes, bytes.length - 1)));
    assertThrows(IllegalStateException.class, () -> adapter.fromJournal(List.of()));
  }
}
