package io.kadence.node.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.dht.wire.WireLimits;
import io.kadence.dht.wire.WireRegistry;
import io.kadence.node.storage.JournalSerializers;
import io.kadence.node.storage.StorageEvent;
import io.kadence.node.storage.StoreSnapshot;
import io.kadence.node.transport.PeerRequest;
import io.kadence.node.transport.PeerResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorPaths;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.internal.adapter.ActorRefAdapter;

/**
 * The one registration list of the messages that peers exchange through Pekko (after Atomix's
 * list): each class with a fixed id that is never reused, registration required, and a
 * hand-written serializer that bounds every length before allocating.
 *
 * <p>The dht module's {@link WireRegistry} comes first (ids below 200: the protocol's building
 * blocks such as {@code SignedRecord}, and its messages), so journal events can hold records.
 * Ids of this module, from {@link WireRegistry#FIRST_FREE_ID}: 200 {@link PeerRequest}, 201
 * {@link PeerResponse}, 202 typed {@link ActorRef}; 210 to 229 are the storage journal's.
 */
public final class NodeKryoRegistry {
  static final int PEER_REQUEST = WireRegistry.FIRST_FREE_ID;
  static final int PEER_RESPONSE = WireRegistry.FIRST_FREE_ID + 1;
  static final int ACTOR_REF = WireRegistry.FIRST_FREE_ID + 2;
  /** Storage journal: {@link StorageEvent.RecordStored}. 210 to 229 are the journal's. */
  static final int RECORD_STORED = 210;
  /** Storage journal: {@link StorageEvent.RecordsExpired}. */
  static final int RECORDS_EXPIRED = 211;
  /** Storage journal: {@link StorageEvent.RecordsHandedOff}. */
  static final int RECORDS_HANDED_OFF = 212;
  /** Storage journal: {@link StoreSnapshot}. */
  static final int STORE_SNAPSHOT = 213;

  private NodeKryoRegistry() {}

  /**
   * A Kryo instance for the peer protocol. Kryo instances are not thread-safe: callers pool them.
   *
   * @param resolver supplies the system's resolver lazily (it does not exist yet when Pekko
   *     constructs the serializer, NOTES.md)
   * @param limits the node's wire limits, which bound the records of journal events too
   * @param maxEnvelopeBytes largest envelope accepted, checked before the array is allocated
   */
  public static Kryo newKryo(Supplier<ActorRefResolver> resolver, WireLimits limits,
      int maxEnvelopeBytes) {
    Kryo kryo = WireRegistry.newKryo(limits);
    ActorRefSerializer refs = new ActorRefSerializer(resolver);
    kryo.register(PeerRequest.class, new PeerRequestSerializer(refs, maxEnvelopeBytes), PEER_REQUEST);
    kryo.register(PeerResponse.class, new PeerResponseSerializer(maxEnvelopeBytes), PEER_RESPONSE);
    kryo.register(ActorRefAdapter.class, refs, ACTOR_REF);
    registerStorageJournal(kryo);
    return kryo;
  }

  /**
   * Registers the storage journal's events and snapshot (ids 210 to 229) on {@code kryo}, which
   * must hold the wire registrations: their serializers write records, keys and node ids with them.
   */
  private static void registerStorageJournal(Kryo kryo) {
    kryo.register(StorageEvent.RecordStored.class, new JournalSerializers.RecordStoredSerializer(),
        RECORD_STORED);
    kryo.register(StorageEvent.RecordsExpired.class, new JournalSerializers.RecordIdsSerializer<>(
        StorageEvent.RecordsExpired::ids, StorageEvent.RecordsExpired::new), RECORDS_EXPIRED);
    kryo.register(StorageEvent.RecordsHandedOff.class, new JournalSerializers.RecordIdsSerializer<>(
        StorageEvent.RecordsHandedOff::ids, StorageEvent.RecordsHandedOff::new),
        RECORDS_HANDED_OFF);
    kryo.register(StoreSnapshot.class, new JournalSerializers.StoreSnapshotSerializer(),
        STORE_SNAPSHOT);
  }

  static byte[] readBounded(Input in, int max) {
    int length = in.readVarInt(true);
    if (length < 0 || length > max) {
      throw new KryoException("field of " + length + " bytes exceeds the limit of " + max);
    }
    return in.readBytes(length);
  }

  static void writeBytes(Output out, byte[] bytes) {
    out.writeVarInt(bytes.length, true);
    out.writeBytes(bytes);
  }

  /** Writes a typed ref as its serialization format string (Pekko's ActorRefResolver). */
  static final class ActorRefSerializer extends Serializer<ActorRef<?>> {
    /** Longest actor path accepted, in UTF-8 bytes; far above any real one. */
    static final int MAX_PATH_BYTES = 1024;
    private final Supplier<ActorRefResolver> resolver;

    ActorRefSerializer(Supplier<ActorRefResolver> resolver) {
      this.resolver = resolver;
    }

    @Override
    public void write(Kryo kryo, Output output, ActorRef<?> ref) {
      writeBytes(output, resolver.get().toSerializationFormat(ref).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
      String path = new String(readBounded(input, MAX_PATH_BYTES), StandardCharsets.UTF_8);
      // Pekko resolves an unparseable path to dead letters; refuse it as malformed instead.
      try {
        ActorPaths.fromString(path);
      } catch (Exception e) { // MalformedURLException, thrown undeclared from Scala
        throw new KryoException("not an actor path: " + e.getMessage());
      }
      return resolver.get().resolveActorRef(path);
    }
  }

  private static final class PeerRequestSerializer extends Serializer<PeerRequest> {
    private final ActorRefSerializer refs;
    private final int maxEnvelopeBytes;

    PeerRequestSerializer(ActorRefSerializer refs, int maxEnvelopeBytes) {
      this.refs = refs;
      this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    @Override
    public void write(Kryo kryo, Output output, PeerRequest request) {
      writeBytes(output, request.envelope());
      refs.write(kryo, output, request.replyTo());
    }

    @Override
    @SuppressWarnings("unchecked")
    public PeerRequest read(Kryo kryo, Input input, Class<? extends PeerRequest> type) {
      byte[] envelope = readBounded(input, maxEnvelopeBytes);
      ActorRef<PeerResponse> replyTo = (ActorRef<PeerResponse>) refs.read(kryo, input, null);
      return new PeerRequest(envelope, replyTo);
    }
  }

  private static final class PeerResponseSerializer extends Serializer<PeerResponse> {
    private final int maxEnvelopeBytes;

    PeerResponseSerializer(int maxEnvelopeBytes) {
      this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    @Override
    public void write(Kryo kryo, Output output, PeerResponse response) {
      writeBytes(output, response.envelope());
    }

    @Override
    public PeerResponse read(Kryo kryo, Input input, Class<? extends PeerResponse> type) {
      return new PeerResponse(readBounded(input, maxEnvelopeBytes));
    }
  }
}
