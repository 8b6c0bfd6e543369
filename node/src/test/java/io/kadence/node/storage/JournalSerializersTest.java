package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.node.serialization.NodeKryoRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JournalSerializersTest {
  private final Kryo kryo = NodeKryoRegistry.newKryo(() -> null,
      io.kadence.dht.wire.WireLimits.DEFAULTS, 1);

  private byte[] write(Object o) {
    Output out = new Output(1024, -1);
    kryo.writeClassAndObject(out, o);
    return out.toBytes();
  }

  private Object read(byte[] bytes) {
    Input in = new Input(bytes);
    Object o = kryo.readClassAndObject(in);
    assertEquals(bytes.length, in.position(), "every byte read");
    return o;
  }

  private static List<RecordId> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> RecordId.of(sized(ALICE, i, 1))).toList();
  }

  @Test
  void register_shouldGiveTheJournalTypesTheirFixedIdsWhenTheNodeKryoIsBuilt() {
    assertEquals(210, kryo.getRegistration(StorageEvent.RecordStored.class).getId());
    assertEquals(211, kryo.getRegistration(StorageEvent.RecordsExpired.class).getId());
    assertEquals(212, kryo.getRegistration(StorageEvent.RecordsHandedOff.class).getId());
    assertEquals(213, kryo.getRegistration(StoreSnapshot.class).getId());
  }

  @Test
  void readWrite_shouldRoundTripEveryJournalTypeWhenWellFormed() {
    List<Object> values = List.of(
        new StorageEvent.RecordStored(record(ALICE, 3, "value"), T0.toEpochMilli()),
        new StorageEvent.RecordsExpired(ids(StorageEvent.MAX_IDS_PER_EVENT)),
        new StorageEvent.RecordsHandedOff(List.of(RecordId.of(record(BOB, 0, "b")))),
        new StoreSnapshot(List.of(record(ALICE, 1, "a"), record(BOB, 2, "b"))),
        new StoreSnapshot(List.of()));
    for (Object value : values) {
      assertEquals(value, read(write(value)));
    }
  }

  @Test
  void read_shouldRefuseWhenAnIdCountIsOverTheLimit() {
    byte[] bytes = write(new StorageEvent.RecordsExpired(ids(1)));
    Output forged = new Output(16, -1);
    kryo.writeClass(forged, StorageEvent.RecordsExpired.class);
    int header = forged.position() + 1; // the class, then a one-byte count of 1
    forged.writeVarInt(StorageEvent.MAX_IDS_PER_EVENT + 1, true);
    forged.writeBytes(bytes, header, bytes.length - header);

    KryoException e = assertThrows(KryoException.class, () -> read(forged.toBytes()));
    assertTrue(e.getMessage().contains("over " + StorageEvent.MAX_IDS_PER_EVENT), e.getMessage());
  }

  @Test
  void read_shouldRefuseBeforeAllocatingWhenASnapshotCountExceedsTheBytesLeft() {
    Output forged = new Output(16, -1);
    kryo.writeClass(forged, StoreSnapshot.class);
    forged.writeVarInt(StoreSnapshot.MAX_RECORDS, true);

    KryoException e = assertThrows(KryoException.class, () -> read(forged.toBytes()));
    assertTrue(e.getMessage().contains("bytes left"), e.getMessage());
  }

  @Test
  void chunked_shouldSplitLongListsIntoBoundedEventsWhenManyRecordsExpire() {
    List<RecordId> ids = new ArrayList<>(ids(2 * StorageEvent.MAX_IDS_PER_EVENT + 1));

    List<StorageEvent> events = StorageEvent.expired(ids);

    assertEquals(3, events.size());
    assertEquals(1, ((StorageEvent.RecordsExpired) events.get(2)).ids().size());
    assertEquals(List.of(), StorageEvent.handedOff(List.of()));
  }
}
