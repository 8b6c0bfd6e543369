package io.kadence.node.storage;

import io.kadence.dht.Kademlia;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.WireLimits;
import io.kadence.node.settings.StorageSettings;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.node.serialization.NodeKryoRegistry;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * Turns the store's state into snapshot bytes and back: a {@link StoreSnapshot} written by the
 * node's Kryo registrations (id 213 first, then {@link JournalSerializers}' format) into a
 * {@code byte[]}, which Pekko's built-in byte-array serializer hands to the snapshot store as is.
 *
 * <p>Why bytes and not the registered type through {@code KryoSerializer}: that serializer caps
 * its output at the largest peer envelope (about 1.1 MiB with the defaults), and a snapshot holds
 * the whole store, up to max-bytes (256 MiB by default). Through it, every snapshot of more than a
 * few thousand records would fail (logged, not fatal, but then recovery replays every event).
 * Here the buffer is sized from the state up front. {@link #fromJournal} also accepts a
 * {@link StoreSnapshot} object, so snapshots can move to {@code KryoSerializer} once it allows
 * journal-sized outputs.
 *
 * <p>Called on the actor's thread only (Pekko calls {@code toJournal} synchronously while the
 * state cannot change, and {@code fromJournal} during recovery); it keeps one Kryo.
 */
final class StoreSnapshotAdapter implements SnapshotAdapter<StoreState> {
  /** Encoded bytes per record besides its value (see {@link JournalSerializers}), rounded up. */
  static final int RECORD_OVERHEAD_BYTES = JournalSerializers.MIN_RECORD_BYTES + 8;
  /** Largest snapshot a byte array can hold. */
  static final long MAX_SNAPSHOT_BYTES = Integer.MAX_VALUE - 16;
  /** Snapshots hold no peer messages, so the envelope bound of the node's Kryo goes unused. */
  private static final int UNUSED_ENVELOPE_BOUND = 1;

  private final int maxPublishersPerKey;
  private final WireLimits limits;
  private Kryo kryo;

  /** An adapter for the snapshots of a store with these settings. */
  StoreSnapshotAdapter(StorageSettings settings) {
    this.maxPublishersPerKey = settings.maxPublishersPerKey();
    // Only the record bounds matter to a snapshot: values up to the store's own limit.
    this.limits = new WireLimits(Integer.MAX_VALUE, Kademlia.DEFAULT_K,
        settings.maxPublishersPerKey(), settings.maxValueBytes(), Contact.MAX_HOST_LENGTH);
  }

  /**
   * Checks that one snapshot can hold every store {@code settings} allow.
   *
   * @throws IllegalArgumentException if max-records and max-bytes allow a larger store
   */
  static void checkCanHold(StorageSettings settings) {
    if (settings.maxRecords() > StoreSnapshot.MAX_RECORDS || worstCaseBytes(
        settings.maxRecords(), settings.maxBytes()) > MAX_SNAPSHOT_BYTES) {
      throw new IllegalArgumentException("max-records and max-bytes allow a store larger than"
          + " one snapshot can hold (2 GiB)");
    }
  }

  /** The largest snapshot a store within these quotas can need, in bytes. */
  static long worstCaseBytes(int maxRecords, long maxBytes) {
    return 16 + (long) maxRecords * RECORD_OVERHEAD_BYTES + maxBytes;
  }

  @Override
  public Object toJournal(StoreState state) {
    long size = worstCaseBytes(state.recordCount(), state.valueBytes());
    Output out = new Output((int) Math.min(size, MAX_SNAPSHOT_BYTES), -1);
    kryo().writeClassAndObject(out, new StoreSnapshot(state.allHeld()));
    return out.toBytes();
  }

  @Override
  public StoreState fromJournal(Object from) {
    if (from instanceof StoreSnapshot snapshot) {
      return StoreState.of(maxPublishersPerKey, snapshot.records());
    }
    if (!(from instanceof byte[] bytes)) {
      throw new IllegalStateException("not a store snapshot: " + from.getClass().getName());
    }
    Input in = new Input(bytes);
    Object decoded = kryo().readClassAndObject(in);
    if (!(decoded instanceof StoreSnapshot snapshot) || in.position() != bytes.length) {
      throw new IllegalStateException("corrupt store snapshot of " + bytes.length + " bytes");
    }
    return StoreState.of(maxPublishersPerKey, snapshot.records());
  }

  private Kryo kryo() {
    if (kryo == null) {
      kryo = NodeKryoRegistry.newKryo(StoreSnapshotAdapter::noResolver, limits,
          UNUSED_ENVELOPE_BOUND);
    }
    return kryo;
  }

  private static ActorRefResolver noResolver() {
    throw new IllegalStateException("a store snapshot holds no actor refs");
  }
}
