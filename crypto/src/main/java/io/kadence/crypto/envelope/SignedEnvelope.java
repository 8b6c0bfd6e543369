package io.kadence.crypto.envelope;

import io.kadence.crypto.sign.Ed25519;
import io.kadence.crypto.key.NodeKeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signed envelope every RPC travels in (DESIGN.md, "Identity, signatures and the wire"):
 * who sent it (Ed25519 key and the node ID claimed for it), to whom, which request, when, and
 * the payload bytes, signed by the sender. The recipient checks it with {@link EnvelopeVerifier}
 * before decoding the payload (STYLE.md rule 7: sign bytes, not objects).
 *
 * <p>Signing content, protocol version 1 (all integers unsigned big-endian except the signed
 * timestamp; {@code ||} is concatenation):
 * <pre>
 * u32 19 || "kadence/envelope/v1"   domain tag (ASCII): no other Kadence signature can be
 *                                    replayed as an envelope, nor an envelope as anything else
 * u8  protocolVersion               1
 * 32  senderPublicKey               raw Ed25519 public key (RFC 8032, 5.1.5)
 * 32  senderId                      must equal SHA-256(senderPublicKey)
 * 32  recipientId                   node ID of the intended recipient, or 32 zero bytes
 *                                    ({@link #anyone()}) for a request to whoever is at an address
 * u64 requestId                     chosen by the sender, unique per sender within the window
 * i64 timestampMillis               sender's clock, milliseconds since the Unix epoch
 * u16 payloadType                   what the payload decodes as
 * u32 payloadLength || payload
 * </pre>
 * Every field is fixed-width or length-prefixed, so two different envelopes never share
 * signing content. The signature is Ed25519 (RFC 8032, 5.1.6) over those bytes.
 *
 * <p>Wire encoding ({@link #toBytes()}): the signing content without the domain tag (that is,
 * from {@code protocolVersion} to the end of the payload), then the 64-byte signature. 183
 * bytes plus the payload; the version byte comes first so a decoder can refuse other versions.
 *
 * <p>Immutable: byte arrays are copied in and out. {@link #toString()} prints no payload.
 *
 * @param protocolVersion envelope format version, 0 to 255
 * @param senderPublicKey the sender's raw 32-byte Ed25519 public key
 * @param senderId the sender's 32-byte node ID, SHA-256 of {@code senderPublicKey} if honest
 * @param recipientId the 32-byte node ID of the recipient
 * @param requestId the sender's request id
 * @param timestampMillis when the sender signed, in epoch milliseconds
 * @param payloadType the payload's type, 0 to 65535
 * @param payload the payload bytes
 * @param signature the 64-byte Ed25519 signature over {@link #signingContent()}
 */
public record SignedEnvelope(
    int protocolVersion, byte[] senderPublicKey, byte[] senderId, byte[] recipientId,
    long requestId, long timestampMillis, int payloadType, byte[] payload, byte[] signature) {

  /** The envelope format this code writes and reads. */
  public static final int PROTOCOL_VERSION = 1;
  /** Wire bytes of an envelope with an empty payload. */
  public static final int FIXED_BYTES = EnvelopeCodec.FIXED_BYTES;

  /**
   * The recipient ID of a request to whoever is at an address, for a sender that does not know
   * the recipient's ID yet: 32 zero bytes, which no honest node ID is (it would take a key whose
   * SHA-256 is zero). A verifier accepts it only for the payload types it is told to
   * ({@link EnvelopeVerifier}); a copy, like every array this class hands out.
   */
  public static byte[] anyone() {
    return new byte[EnvelopeCodec.ID_BYTES];
  }

  /** Copies the arrays and checks every field's range and length. */
  public SignedEnvelope {
    if (protocolVersion < 0 || protocolVersion > 0xff) {
      throw new IllegalArgumentException("protocolVersion must fit u8: " + protocolVersion);
    }
    if (payloadType < 0 || payloadType > 0xffff) {
      throw new IllegalArgumentException("payloadType must fit u16: " + payloadType);
    }
    senderPublicKey = copyOf(senderPublicKey, Ed25519.PUBLIC_KEY_BYTES, "senderPublicKey");
    senderId = copyOf(senderId, EnvelopeCodec.ID_BYTES, "senderId");
    recipientId = copyOf(recipientId, EnvelopeCodec.ID_BYTES, "recipientId");
    payload = Objects.requireNonNull(payload, "payload").clone();
    signature = copyOf(signature, Ed25519.SIGNATURE_BYTES, "signature");
  }

  /** Builds and signs an envelope from {@code sender}, stamped with the current protocol version. */
  public static SignedEnvelope sign(NodeKeyPair sender, byte[] recipientId, long requestId,
      long timestampMillis, int payloadType, byte[] payload) {
    SignedEnvelope unsigned = new SignedEnvelope(PROTOCOL_VERSION, sender.publicKey(), sender.nodeId(),
        recipientId, requestId, timestampMillis, payloadType, payload, new byte[Ed25519.SIGNATURE_BYTES]);
    return unsigned.withSignature(sender.sign(unsigned.signingContent()));
  }

  /** Decodes {@link #toBytes()} output, refusing payloads over {@code maxPayloadBytes}. */
  public static SignedEnvelope fromBytes(byte[] bytes, int maxPayloadBytes)
      throws MalformedEnvelopeException {
    return EnvelopeCodec.decode(bytes, maxPayloadBytes);
  }

  /** The bytes the signature covers (layout in the class comment). */
  public byte[] signingContent() {
    return EnvelopeCodec.signingContent(this);
  }

  /** The wire encoding (layout in the class comment). */
  public byte[] toBytes() {
    return EnvelopeCodec.encode(this);
  }

  /** The same envelope with another signature. */
  public SignedEnvelope withSignature(byte[] newSignature) {
    return new SignedEnvelope(protocolVersion, senderPublicKey, senderId, recipientId, requestId,
        timestampMillis, payloadType, payload, newSignature);
  }

  /** Whether this envelope is addressed to whoever receives it ({@link #anyone()}). */
  public boolean toAnyone() {
    for (byte b : recipientId) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public byte[] senderPublicKey() {
    return senderPublicKey.clone();
  }

  @Override
  public byte[] senderId() {
    return senderId.clone();
  }

  @Override
  public byte[] recipientId() {
    return recipientId.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  // Uncopied views for this package's codec and verifier, which never modify them.
  byte[] rawSenderPublicKey() {
    return senderPublicKey;
  }

  byte[] rawSenderId() {
    return senderId;
  }

  byte[] rawRecipientId() {
    return recipientId;
  }

  byte[] rawPayload() {
    return payload;
  }

  byte[] rawSignature() {
    return signature;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedEnvelope e
        && protocolVersion == e.protocolVersion && requestId == e.requestId
        && timestampMillis == e.timestampMillis && payloadType == e.payloadType
        && Arrays.equals(senderPublicKey, e.senderPublicKey) && Arrays.equals(senderId, e.senderId)
        && Arrays.equals(recipientId, e.recipientId) && Arrays.equals(payload, e.payload)
        && Arrays.equals(signature, e.signature);
  }

  @Override
  public int hashCode() {
    // The signature alone almost identifies an envelope; the scalars make forged copies differ.
    return Objects.hash(Arrays.hashCode(signature), requestId, timestampMillis, payloadType);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "SignedEnvelope[v" + protocolVersion + " from " + hex.formatHex(senderId, 0, 4)
        + " to " + hex.formatHex(recipientId, 0, 4) + " request " + Long.toUnsignedString(requestId)
        + " at " + timestampMillis + " type " + payloadType + ", " + payload.length + " payload bytes]";
  }

  private static byte[] copyOf(byte[] bytes, int length, String name) {
    Objects.requireNonNull(bytes, name);
    if (bytes.length != length) {
      throw new IllegalArgumentException(name + " must be " + length + " bytes, not " + bytes.length);
    }
    return bytes.clone();
  }
}
