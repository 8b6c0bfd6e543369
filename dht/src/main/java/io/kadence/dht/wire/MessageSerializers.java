package io.kadence.dht.wire;

import static io.kadence.dht.wire.TypeSerializers.checkWrite;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.List;

/** Bounded Kryo serializers of the messages; formats in {@code package-info}. */
final class MessageSerializers {
  private MessageSerializers() {}

  /** A message with no fields: nothing on the wire, one shared instance. */
  static final class Empty<T extends Message> extends Serializer<T> {
    private final T instance;

    Empty(T instance) {
      super(false, true);
      this.instance = instance;
    }

    @Override
    public void write(Kryo kryo, Output out, T message) {}

    @Override
    public T read(Kryo kryo, Input in, Class<? extends T> type) {
      return instance;
    }
  }

  static final class FindNodeSerializer extends Serializer<Message.FindNode> {
    @Override
    public void write(Kryo kryo, Output out, Message.FindNode m) {
      kryo.writeObject(out, m.target());
    }

    @Override
    public Message.FindNode read(Kryo kryo, Input in, Class<? extends Message.FindNode> type) {
      return new Message.FindNode(kryo.readObject(in, NodeId.class));
    }
  }

  static final class NodesSerializer extends Serializer<Message.Nodes> {
    private final WireLimits limits;

    NodesSerializer(WireLimits limits) {
      this.limits = limits;
    }

    @Override
    public void write(Kryo kryo, Output out, Message.Nodes m) {
      writeList(kryo, out, m.contacts(), limits.maxContacts(), "contacts");
    }

    @Override
    public Message.Nodes read(Kryo kryo, Input in, Class<? extends Message.Nodes> type) {
      return new Message.Nodes(readList(kryo, in, Contact.class, limits.maxContacts(),
          WireLimits.MIN_CONTACT_BYTES, "contacts"));
    }
  }

  static final class FindValueSerializer extends Serializer<Message.FindValue> {
    private final WireLimits limits;

    FindValueSerializer(WireLimits limits) {
      this.limits = limits;
    }

    @Override
    public void write(Kryo kryo, Output out, Message.FindValue m) {
      checkWrite(m.maxRecords() <= limits.maxRecords(), "maxRecords over " + limits.maxRecords());
      kryo.writeObject(out, m.key());
      out.writeVarInt(m.maxRecords(), true);
    }

    @Override
    public Message.FindValue read(Kryo kryo, Input in, Class<? extends Message.FindValue> type) {
      Key key = kryo.readObject(in, Key.class);
      int maxRecords = in.readVarInt(true);
      if (maxRecords < 1 || maxRecords > limits.maxRecords()) {
        throw new KryoException("maxRecords " + Integer.toUnsignedString(maxRecords)
            + " outside 1.." + limits.maxRecords());
      }
      return new Message.FindValue(key, maxRecords);
    }
  }

  static final class ValueSerializer extends Serializer<Message.Value> {
    private final WireLimits limits;

    ValueSerializer(WireLimits limits) {
      this.limits = limits;
    }

    @Override
    public void write(Kryo kryo, Output out, Message.Value m) {
      writeList(kryo, out, m.records(), limits.maxRecords(), "records");
      writeList(kryo, out, m.closer(), limits.maxContacts(), "contacts");
    }

    @Override
    public Message.Value read(Kryo kryo, Input in, Class<? extends Message.Value> type) {
      List<SignedRecord> records = readList(kryo, in, SignedRecord.class, limits.maxRecords(),
          WireLimits.MIN_RECORD_BYTES, "records");
      List<Contact> closer = readList(kryo, in, Contact.class, limits.maxContacts(),
          WireLimits.MIN_CONTACT_BYTES, "contacts");
      return new Message.Value(records, closer);
    }
  }

  static final class StoreSerializer extends Serializer<Message.Store> {
    @Override
    public void write(Kryo kryo, Output out, Message.Store m) {
      kryo.writeObject(out, m.record());
      out.writeLong(m.expected().raw());
    }

    @Override
    public Message.Store read(Kryo kryo, Input in, Class<? extends Message.Store> type) {
      SignedRecord record = kryo.readObject(in, SignedRecord.class);
      return new Message.Store(record, new ExpectedSequence(in.readLong()));
    }
  }

  static final class StoreAckSerializer extends Serializer<Message.StoreAck> {
    @Override
    public void write(Kryo kryo, Output out, Message.StoreAck m) {
      out.writeByte(m.refusal().map(StoreRefusal::code).orElse(0));
    }

    @Override
    public Message.StoreAck read(Kryo kryo, Input in, Class<? extends Message.StoreAck> type) {
      int code = in.readByte() & 0xff;
      if (code == 0) {
        return Message.StoreAck.ok();
      }
      return Message.StoreAck.refused(StoreRefusal.ofCode(code)
          .orElseThrow(() -> new KryoException("unknown store refusal code " + code)));
    }
  }

  private static void writeList(Kryo kryo, Output out, List<?> items, int max, String what) {
    checkWrite(items.size() <= max, items.size() + " " + what + " over the limit " + max);
    out.writeVarInt(items.size(), true);
    for (Object item : items) {
      kryo.writeObject(out, item);
    }
  }

  private static <T> List<T> readList(Kryo kryo, Input in, Class<T> type, int max,
      int minElementBytes, String what) {
    int n = WireReads.count(in, max, minElementBytes, what);
    List<T> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(kryo.readObject(in, type));
    }
    return items;
  }
}
