package io.kadence.dht.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.KryoBufferOverflowException;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import java.util.Objects;

/**
 * Encodes messages to envelope payloads and decodes payloads from peers (DESIGN.md, "Identity,
 * signatures and the wire"). Decoding is the boundary with hostile input: whatever the bytes,
 * {@link #decode} returns a message within the {@link WireLimits} or throws
 * {@link WireDecodeException}, and allocates no array larger than the payload itself.
 *
 * <p>Thread-safe: Kryo instances are not, so each call borrows one from a pool (Kryo's
 * {@link Pool}, up to {@value #POOL_CAPACITY} kept) and returns it. Kryo resets its per-call
 * state even when a read fails, so a hostile payload cannot poison a pooled instance.
 */
public final class WireCodec {
  /** Kryo instances the pool keeps; more are created under contention and dropped after. */
  public static final int POOL_CAPACITY = 16;

  private static final int INITIAL_BUFFER = 256;
  private static final int MAX_DETAIL = 200;

  private final WireLimits limits;
  private final Pool<Kryo> pool;

  /** A codec enforcing {@code limits}. */
  public WireCodec(WireLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.pool = new Pool<>(true, false, POOL_CAPACITY) {
      @Override
      protected Kryo create() {
        return WireRegistry.newKryo(limits);
      }
    };
  }

  /** A codec with {@link WireLimits#DEFAULTS}. */
  public static WireCodec withDefaults() {
    return new WireCodec(WireLimits.DEFAULTS);
  }

  /** The limits this codec enforces. */
  public WireLimits limits() {
    return limits;
  }

  /** The payload type of {@code message}, for the envelope. */
  public int typeOf(Message message) {
    return WireRegistry.typeOf(message.getClass());
  }

  /**
   * The payload bytes of {@code message}. Throws {@link IllegalArgumentException} if the message
   * breaks a limit, as a peer with the same limits would refuse it.
   */
  public byte[] encode(Message message) {
    Objects.requireNonNull(message, "message");
    Kryo kryo = pool.obtain();
    try {
      Output out = new Output(INITIAL_BUFFER, limits.maxMessageBytes());
      kryo.writeObject(out, message);
      return out.toBytes();
    } catch (KryoBufferOverflowException e) {
      throw new IllegalArgumentException("cannot encode: " + message.getClass().getSimpleName()
          + " exceeds " + limits.maxMessageBytes() + " bytes", e);
    } finally {
      pool.free(kryo);
    }
  }

  /**
   * The message of type {@code payloadType} encoded in {@code payload}; the payload must hold
   * exactly one message of that type and nothing after it.
   */
  public Message decode(int payloadType, byte[] payload) throws WireDecodeException {
    if (payload == null) {
      throw new WireDecodeException("no payload");
    }
    if (payload.length > limits.maxMessageBytes()) {
      throw new WireDecodeException("payload of " + payload.length + " bytes exceeds "
          + limits.maxMessageBytes());
    }
    Class<? extends Message> type = WireRegistry.messageClass(payloadType).orElseThrow(
        () -> new WireDecodeException("unknown payload type " + payloadType));
    Kryo kryo = pool.obtain();
    try {
      Input in = new Input(payload);
      Message message = kryo.readObject(in, type);
      int trailing = payload.length - in.position();
      if (trailing != 0) {
        throw new WireDecodeException(type.getSimpleName() + " followed by " + trailing
            + " trailing bytes");
      }
      if (!type.isInstance(message)) {
        throw new WireDecodeException("payload type " + payloadType + " decoded as " + message);
      }
      return message;
    } catch (RuntimeException e) {
      // KryoException (underflow, limits), IllegalArgumentException and NullPointerException
      // from constructors, and anything else a bug might let through: all one failure.
      throw new WireDecodeException("malformed " + type.getSimpleName() + ": " + detail(e), e);
    } finally {
      pool.free(kryo);
    }
  }

  private static String detail(RuntimeException e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "...";
  }
}
