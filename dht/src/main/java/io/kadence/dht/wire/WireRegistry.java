package io.kadence.dht.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one Kryo registration list of the wire protocol, with fixed ids (STYLE.md rule 6, after
 * Atomix's registration list). Registration is required, so Kryo refuses any class not listed
 * here. A message's registration id is its payload type in the signed envelope.
 *
 * <p>Ids are never reused: a retired type's id goes into {@link #RETIRED_IDS} for good, and a
 * changed format gets a new id. Id ranges:
 *
 * <ul>
 *   <li>0-8: Kryo's built-in registrations (primitives, String); never on the wire;
 *   <li>20-99: types messages are made of;
 *   <li>100-199: messages (payload types);
 *   <li>{@value #FIRST_FREE_ID} and up: free for other modules' own registrations.
 * </ul>
 */
public final class WireRegistry {
  /** {@code byte[]}, bounded by {@link WireLimits#maxValueBytes()}: record values. */
  public static final int BYTES = 20;
  /** {@link NodeId}. */
  public static final int NODE_ID = 21;
  /** {@link Key}. */
  public static final int KEY = 22;
  /** {@link Contact}. */
  public static final int CONTACT = 23;
  /** {@link SignedRecord}. */
  public static final int SIGNED_RECORD = 24;

  /** Payload type of {@link Message.Ping}. */
  public static final int PING = 100;
  /** Payload type of {@link Message.Pong}. */
  public static final int PONG = 101;
  /** Payload type of {@link Message.FindNode}. */
  public static final int FIND_NODE = 102;
  /** Payload type of {@link Message.Nodes}. */
  public static final int NODES = 103;
  /** Payload type of {@link Message.FindValue}. */
  public static final int FIND_VALUE = 104;
  /** Payload type of {@link Message.Value}. */
  public static final int VALUE = 105;
  /** Payload type of {@link Message.Store}. */
  public static final int STORE = 106;
  /** Payload type of {@link Message.StoreAck}. */
  public static final int STORE_ACK = 107;
  /** Payload type of {@link Message.Leave}. */
  public static final int LEAVE = 108;

  /** First id other modules may register their own classes under. */
  public static final int FIRST_FREE_ID = 200;
  /** Ids of retired types; never to be registered again. */
  public static final Set<Integer> RETIRED_IDS = Set.of();

  private record Entry(int id, Class<?> type, Function<WireLimits, Serializer<?>> serializer) {}

  /** The list. Append only; never renumber. */
  private static final List<Entry> ENTRIES = List.of(
      new Entry(BYTES, byte[].class, l -> new TypeSerializers.BoundedBytes(l.maxValueBytes())),
      new Entry(NODE_ID, NodeId.class, l -> new TypeSerializers.NodeIdSerializer()),
      new Entry(KEY, Key.class, l -> new TypeSerializers.KeySerializer()),
      new Entry(CONTACT, Contact.class,
          l -> new TypeSerializers.ContactSerializer(l.maxHostLength())),
      new Entry(SIGNED_RECORD, SignedRecord.class,
          l -> new TypeSerializers.SignedRecordSerializer()),
      new Entry(PING, Message.Ping.class, l -> new MessageSerializers.Empty<>(new Message.Ping())),
      new Entry(PONG, Message.Pong.class, l -> new MessageSerializers.Empty<>(new Message.Pong())),
      new Entry(FIND_NODE, Message.FindNode.class, l -> new MessageSerializers.FindNodeSerializer()),
      new Entry(NODES, Message.Nodes.class, MessageSerializers.NodesSerializer::new),
      new Entry(FIND_VALUE, Message.FindValue.class, MessageSerializers.FindValueSerializer::new),
      new Entry(VALUE, Message.Value.class, MessageSerializers.ValueSerializer::new),
      new Entry(STORE, Message.Store.class, l -> new MessageSerializers.StoreSerializer()),
      new Entry(STORE_ACK, Message.StoreAck.class,
          l -> new MessageSerializers.StoreAckSerializer()),
      new Entry(LEAVE, Message.Leave.class, l -> new MessageSerializers.Empty<>(new Message.Leave())));

  private static final Map<Integer, Class<? extends Message>> MESSAGE_BY_TYPE = messagesByType();

  private WireRegistry() {}

  /**
   * Registers every wire type on {@code kryo} with its bounded serializer and requires
   * registration. A module may register more classes afterwards, from {@link #FIRST_FREE_ID}.
   */
  public static void register(Kryo kryo, WireLimits limits) {
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    for (Entry e : ENTRIES) {
      kryo.register(e.type(), e.serializer().apply(limits), e.id());
    }
  }

  /** A new Kryo instance holding exactly the wire registrations. Not thread-safe. */
  public static Kryo newKryo(WireLimits limits) {
    Kryo kryo = new Kryo();
    register(kryo, limits);
    // Messages nest at most three deep (Value, SignedRecord, Key); anything deeper is a bug.
    kryo.setMaxDepth(8);
    return kryo;
  }

  /** The payload type of a message class. */
  public static int typeOf(Class<? extends Message> type) {
    for (Map.Entry<Integer, Class<? extends Message>> e : MESSAGE_BY_TYPE.entrySet()) {
      if (e.getValue() == type) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("not a registered message: " + type);
  }

  /** The message class of a payload type, if it is one. */
  public static Optional<Class<? extends Message>> messageClass(int payloadType) {
    return Optional.ofNullable(MESSAGE_BY_TYPE.get(payloadType));
  }

  /** Every registered id and its class, in registration order. */
  public static Map<Integer, Class<?>> registrations() {
    Map<Integer, Class<?>> out = new LinkedHashMap<>();
    ENTRIES.forEach(e -> out.put(e.id(), e.type()));
    return out;
  }

  private static Map<Integer, Class<? extends Message>> messagesByType() {
    Map<Integer, Class<? extends Message>> out = new LinkedHashMap<>();
    for (Entry e : ENTRIES) {
      if (Message.class.isAssignableFrom(e.type())) {
        out.put(e.id(), e.type().asSubclass(Message.class));
      }
    }
    return Map.copyOf(out);
  }
}
