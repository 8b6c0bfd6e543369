package io.kadence.crypto.envelope;

import io.kadence.crypto.envelope.MalformedEnvelopeException.Problem;
import io.kadence.crypto.sign.Ed25519;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte layouts of {@link SignedEnvelope} (documented there): the signing content and the
 * wire encoding, which share every field after the domain tag. All integers are big-endian.
 */
final class EnvelopeCodec {
  static final byte[] DOMAIN_TAG = "kadence/envelope/v1".getBytes(StandardCharsets.US_ASCII);
  static final int ID_BYTES = 32;
  /** version u8, sender key, sender id, recipient id, request id u64, timestamp u64, type u16, length u32. */
  static final int HEADER_BYTES = 1 + Ed25519.PUBLIC_KEY_BYTES + ID_BYTES + ID_BYTES + 8 + 8 + 2 + 4;
  /** An envelope with an empty payload. */
  static final int FIXED_BYTES = HEADER_BYTES + Ed25519.SIGNATURE_BYTES;

  private EnvelopeCodec() {}

  static byte[] signingContent(SignedEnvelope e) {
    byte[] payload = e.rawPayload();
    ByteBuffer out = ByteBuffer.allocate(4 + DOMAIN_TAG.length + HEADER_BYTES + payload.length);
    out.putInt(DOMAIN_TAG.length).put(DOMAIN_TAG);
    putHeaderAndPayload(out, e);
    return out.array();
  }

  static byte[] encode(SignedEnvelope e) {
    ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + e.rawPayload().length);
    putHeaderAndPayload(out, e);
    out.put(e.rawSignature());
    return out.array();
  }

  private static void putHeaderAndPayload(ByteBuffer out, SignedEnvelope e) {
    byte[] payload = e.rawPayload();
    out.put((byte) e.protocolVersion())
        .put(e.rawSenderPublicKey())
        .put(e.rawSenderId())
        .put(e.rawRecipientId())
        .putLong(e.requestId())
        .putLong(e.timestampMillis())
        .putShort((short) e.payloadType())
        .putInt(payload.length)
        .put(payload);
  }

  /** Decodes one whole envelope, checking every length against what is there before copying. */
  static SignedEnvelope decode(byte[] bytes, int maxPayloadBytes) throws MalformedEnvelopeException {
    if (maxPayloadBytes < 0) {
      throw new IllegalArgumentException("maxPayloadBytes must not be negative: " + maxPayloadBytes);
    }
    if (bytes == null || bytes.length == 0) {
      throw new MalformedEnvelopeException(Problem.TRUNCATED, "empty envelope");
    }
    long maxTotal = (long) FIXED_BYTES + maxPayloadBytes;
    if (bytes.length > maxTotal) {
      throw new MalformedEnvelopeException(Problem.OVERSIZE,
          "envelope of " + bytes.length + " bytes exceeds the limit of " + maxTotal);
    }
    int version = bytes[0] & 0xff;
    if (version != SignedEnvelope.PROTOCOL_VERSION) {
      throw new MalformedEnvelopeException(Problem.UNSUPPORTED_VERSION, "protocol version " + version
          + " is not supported (this node speaks " + SignedEnvelope.PROTOCOL_VERSION + ")");
    }
    if (bytes.length < FIXED_BYTES) {
      throw new MalformedEnvelopeException(Problem.TRUNCATED,
          "envelope of " + bytes.length + " bytes is shorter than its " + FIXED_BYTES + " fixed bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    byte[] senderPublicKey = take(in, Ed25519.PUBLIC_KEY_BYTES);
    byte[] senderId = take(in, ID_BYTES);
    byte[] recipientId = take(in, ID_BYTES);
    long requestId = in.getLong();
    long timestampMillis = in.getLong();
    int payloadType = in.getShort() & 0xffff;
    long payloadLength = Integer.toUnsignedLong(in.getInt());
    if (payloadLength > maxPayloadBytes) {
      throw new MalformedEnvelopeException(Problem.OVERSIZE,
          "declared payload of " + payloadLength + " bytes exceeds the limit of " + maxPayloadBytes);
    }
    long expected = FIXED_BYTES + payloadLength;
    if (expected != bytes.length) {
      Problem problem = expected > bytes.length ? Problem.TRUNCATED : Problem.TRAILING_BYTES;
      throw new MalformedEnvelopeException(problem,
          "declared payload of " + payloadLength + " bytes makes " + expected + " bytes, but "
              + bytes.length + " arrived");
    }
    // Both bounds hold now: payloadLength <= maxPayloadBytes and the bytes are really there.
    byte[] payload = take(in, (int) payloadLength);
    byte[] signature = take(in, Ed25519.SIGNATURE_BYTES);
    return new SignedEnvelope(version, senderPublicKey, senderId, recipientId, requestId,
        timestampMillis, payloadType, payload, signature);
  }

  private static byte[] take(ByteBuffer in, int length) {
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }
}
