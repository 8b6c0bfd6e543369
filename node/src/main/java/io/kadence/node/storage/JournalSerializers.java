package io.kadence.node.storage;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Kryo serializers of the storage journal: events and the snapshot, registered in
 * {@code NodeKryoRegistry} (ids 210 to 213). Records, keys and node ids go through the wire
 * registry's bounded serializers ({@code kryo.writeObject}), so the journal holds a record in the
 * same bytes as the protocol. Every count is checked against its limit and against the bytes left
 * before anything is allocated (STYLE.md rule 7), although the journal is the node's own.
 *
 * <p>Formats, {@code varint} as Kryo's positive varint:
 *
 * <pre>
 * RecordStored      record, i64 stored-at millis
 * RecordsExpired    varint n (1..1000), n x (key 32, publisher 32, varint sequence)
 * RecordsHandedOff  same as RecordsExpired
 * StoreSnapshot     varint n (0..2^24), n x record
 * </pre>
 */
public final class JournalSerializers {
  /** Encoded size of a record id with a one-byte sequence number. */
  static final int MIN_ID_BYTES = 32 + 32 + 1;
  /** Encoded size of a record with an empty value (see the wire format of SignedRecord). */
  static final int MIN_RECORD_BYTES = 32 + 32 + 3 * 8 + 1 + 64;

  private JournalSerializers() {}

  /** {@link StorageEvent.RecordStored}: the record, then the instant of the decision. */
  public static final class RecordStoredSerializer extends Serializer<StorageEvent.RecordStored> {
    /** A serializer that refuses nulls and keeps no state. */
    public RecordStoredSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output out, StorageEvent.RecordStored event) {
      kryo.writeObject(out, event.record());
      out.writeLong(event.storedAtMillis());
    }

    @Override
    public StorageEvent.RecordStored read(Kryo kryo, Input in,
        Class<? extends StorageEvent.RecordStored> type) {
      SignedRecord record = kryo.readObject(in, SignedRecord.class);
      return new StorageEvent.RecordStored(record, in.readLong());
    }
  }

  /** An event that names records: {@link StorageEvent.RecordsExpired} or handed off. */
  public static final class RecordIdsSerializer<E extends StorageEvent> extends Serializer<E> {
    private final Function<E, List<RecordId>> ids;
    private final Function<List<RecordId>, E> event;

    /** A serializer of the event that {@code event} makes and {@code ids} takes apart. */
    public RecordIdsSerializer(Function<E, List<RecordId>> ids, Function<List<RecordId>, E> event) {
      super(false, true);
      this.ids = ids;
      this.event = event;
    }

    @Override
    public void write(Kryo kryo, Output out, E e) {
      List<RecordId> list = ids.apply(e);
      out.writeVarInt(list.size(), true);
      for (RecordId id : list) {
        kryo.writeObject(out, id.key());
        kryo.writeObject(out, id.publisher());
        out.writeVarLong(id.sequence(), true);
      }
    }

    @Override
    public E read(Kryo kryo, Input in, Class<? extends E> type) {
      int n = count(in, StorageEvent.MAX_IDS_PER_EVENT, MIN_ID_BYTES, "record ids");
      List<RecordId> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Key key = kryo.readObject(in, Key.class);
        NodeId publisher = kryo.readObject(in, NodeId.class);
        list.add(new RecordId(key, publisher, in.readVarLong(true)));
      }
      return event.apply(list);
    }
  }

  /** {@link StoreSnapshot}: a count, then the records. */
  public static final class StoreSnapshotSerializer extends Serializer<StoreSnapshot> {
    /** A serializer that refuses nulls and keeps no state. */
    public StoreSnapshotSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output out, StoreSnapshot snapshot) {
      out.writeVarInt(snapshot.records().size(), true);
      for (SignedRecord r : snapshot.records()) {
        kryo.writeObject(out, r);
      }
    }

    @Override
    public StoreSnapshot read(Kryo kryo, Input in, Class<? extends StoreSnapshot> type) {
      int n = count(in, StoreSnapshot.MAX_RECORDS, MIN_RECORD_BYTES, "snapshot records");
      List<SignedRecord> records = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        records.add(kryo.readObject(in, SignedRecord.class));
      }
      return new StoreSnapshot(records);
    }
  }

  /** Reads a count of at most {@code max} elements of at least {@code minBytes} bytes each. */
  static int count(Input in, int max, int minBytes, String what) {
    int n = in.readVarInt(true);
    if (n < 0 || n > max) {
      throw new KryoException(what + ": count " + Integer.toUnsignedString(n) + " over " + max);
    }
    long left = in.limit() - in.position();
    if ((long) n * minBytes > left) {
      throw new KryoException(what + ": count " + n + " needs more than the " + left
          + " bytes left");
    }
    return n;
  }
}
