package io.kadence.node.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.kadence.dht.wire.WireLimits;
import io.kadence.node.settings.NodeSettings;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * Pekko serializer for {@link KadenceSerializable} messages, over Kryo with the fixed
 * registrations of {@link NodeKryoRegistry}. Written by hand because no Kryo serializer for
 * Pekko is available from Maven Central here (NOTES.md); it is small.
 *
 * <p>A message that fails to decode (hostile or corrupt bytes, an unregistered class, a length
 * over the limit) raises {@link MalformedPeerMessageException}, which Artery logs and drops.
 */
public final class KryoSerializer extends JSerializer {
  /** Serializer id; ids 0 to 40 are reserved by Pekko. */
  public static final int IDENTIFIER = 7_400_001;

  private final Pool<Kryo> kryos;
  private final Pool<Output> outputs;

  /** Called by Pekko's serialization extension, once per actor system. */
  public KryoSerializer(ExtendedActorSystem system) {
    NodeSettings settings = NodeSettings.load(system.settings().config());
    WireLimits limits = settings.wireLimits();
    int maxEnvelopeBytes = settings.maxEnvelopeBytes();
    // The resolver is looked up lazily: it does not exist yet while serializers are built.
    this.kryos = new Pool<>(true, false, 16) {
      @Override
      protected Kryo create() {
        return NodeKryoRegistry.newKryo(() -> ActorRefResolver.get(Adapter.toTyped(system)),
            limits, maxEnvelopeBytes);
      }
    };
    int maxFrame = maxEnvelopeBytes + 4096;
    this.outputs = new Pool<>(true, false, 16) {
      @Override
      protected Output create() {
        return new Output(4096, maxFrame);
      }
    };
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false; // Kryo writes its registration id
  }

  @Override
  public byte[] toBinary(Object o) {
    Kryo kryo = kryos.obtain();
    Output output = outputs.obtain();
    try {
      output.reset();
      kryo.writeClassAndObject(output, o);
      return output.toBytes();
    } finally {
      outputs.free(output);
      kryos.free(kryo);
    }
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    Kryo kryo = kryos.obtain();
    try {
      Input input = new Input(bytes);
      Object message = kryo.readClassAndObject(input);
      if (message == null || input.position() != bytes.length) {
        throw new MalformedPeerMessageException("malformed peer message: "
            + (message == null ? "null" : "trailing bytes"));
      }
      return message;
    } catch (Exception e) {
      // Anything that goes wrong decoding bytes from the network means they are malformed
      // (Scala code may throw checked exceptions undeclared).
      throw new MalformedPeerMessageException("malformed peer message: " + e.getMessage());
    } finally {
      kryos.free(kryo);
    }
  }
}
