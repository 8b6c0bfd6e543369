package io.kadence.crypto.envelope;

import static io.kadence.crypto.envelope.EnvelopeFixtures.MAX_PAYLOAD;
import static io.kadence.crypto.envelope.EnvelopeFixtures.sample;
import static io.kadence.crypto.envelope.EnvelopeFixtures.sender;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.sign.Ed25519;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes that pin the signing content and wire encoding, plus the record's contract. */
class SignedEnvelopeTest {
  private static final HexFormat HEX = HexFormat.of();
  // RFC 8032 public key of the seed 00 01 .. 1f, and SHA-256 of it.
  private static final String PUB = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
  private static final String ID = "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c";
  private static final String RECIPIENT = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
  // Every field as the layout in SignedEnvelope's Javadoc gives it.
  private static final String FIELDS = "01" // protocol version
      + PUB + ID + RECIPIENT
      + "0102030405060708" // request id
      + "0000018bcfe56800" // 1,700,000,000,000 ms
      + "1234" // payload type
      + "00000004" + "70696e67"; // "ping"
  private static final String SIGNING_CONTENT =
      "00000013" + HEX.formatHex("kadence/envelope/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
      + FIELDS;
  // Ed25519 is deterministic (RFC 8032, 5.1.6). Pinned from this code and cross-checked once
  // against the JDK's independent Ed25519 provider over the same signing content.
  private static final String SIGNATURE = "227dd44a79f6a51d2a1dcf9e787cf5f9270b71a52c183cc5196786d14bbcd852"
      + "2fb5d1e3ca1774eef200836df5b47544c4374c121fd37f03cfc7d8b8594ca909";

  @Test
  void fixtures_shouldHaveIdThatIsSha256OfKey() throws Exception {
    assertEquals(PUB, HEX.formatHex(sender().publicKey()));
    assertEquals(ID, HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(PUB))));
  }

  @Test
  void signingContent_shouldMatchGoldenBytesWhenFieldsAreFixed() {
    assertEquals("6b6164656e63652f656e76656c6f70652f7631", SIGNING_CONTENT.substring(8, 46));
    assertEquals(SIGNING_CONTENT, HEX.formatHex(sample().signingContent()));
  }

  @Test
  void sign_shouldProduceGoldenSignatureWhenFieldsAreFixed() {
    assertEquals(SIGNATURE, HEX.formatHex(sample().signature()));
    assertTrue(Ed25519.verify(HEX.parseHex(PUB), HEX.parseHex(SIGNING_CONTENT), HEX.parseHex(SIGNATURE)));
  }

  @Test
  void toBytes_shouldMatchGoldenBytesWhenFieldsAreFixed() {
    byte[] wire = sample().toBytes();
    assertEquals(FIELDS + SIGNATURE, HEX.formatHex(wire));
    assertEquals(SignedEnvelope.FIXED_BYTES + 4, wire.length);
    assertEquals(183, SignedEnvelope.FIXED_BYTES);
  }

  @Test
  void fromBytes_shouldReturnEqualEnvelopeWhenRoundTripped() throws Exception {
    SignedEnvelope original = sample();
    SignedEnvelope decoded = SignedEnvelope.fromBytes(original.toBytes(), MAX_PAYLOAD);
    assertEquals(original, decoded);
    assertEquals(original.hashCode(), decoded.hashCode());
    assertArrayEquals(original.toBytes(), decoded.toBytes());
  }

  @Test
  void fromBytes_shouldRoundTripWhenPayloadIsEmptyOrAtLimit() throws Exception {
    for (int size : new int[] {0, 1, MAX_PAYLOAD}) {
      SignedEnvelope e = SignedEnvelope.sign(sender(), EnvelopeFixtures.localId(), -1L, Long.MIN_VALUE,
          0xffff, new byte[size]);
      assertEquals(e, SignedEnvelope.fromBytes(e.toBytes(), MAX_PAYLOAD));
    }
  }

  @Test
  void accessors_shouldReturnCopiesWhenCallerMutatesArrays() {
    byte[] payload = {1, 2, 3};
    SignedEnvelope e = SignedEnvelope.sign(sender(), EnvelopeFixtures.localId(), 1, 2, 3, payload);
    payload[0] = 9;
    e.payload()[1] = 9;
    e.signature()[0] ^= 1;
    e.senderPublicKey()[0] ^= 1;
    e.senderId()[0] ^= 1;
    e.recipientId()[0] ^= 1;
    assertArrayEquals(new byte[] {1, 2, 3}, e.payload());
    assertEquals(SignedEnvelope.sign(sender(), EnvelopeFixtures.localId(), 1, 2, 3, new byte[] {1, 2, 3}), e);
  }

  @Test
  void equals_shouldDifferWhenAnyFieldDiffers() {
    SignedEnvelope e = sample();
    assertNotEquals(e, EnvelopeFixtures.signed(EnvelopeFixtures.REQUEST_ID + 1, EnvelopeFixtures.NOW));
    assertNotEquals(e, EnvelopeFixtures.signed(EnvelopeFixtures.REQUEST_ID, EnvelopeFixtures.NOW + 1));
    byte[] otherSignature = e.signature();
    otherSignature[63] ^= 1;
    assertNotEquals(e, e.withSignature(otherSignature));
    assertNotEquals(e, null);
  }

  @Test
  void toString_shouldBeShortAndOmitPayloadWhenPayloadIsLarge() {
    byte[] payload = new byte[1000];
    java.util.Arrays.fill(payload, (byte) 0x5a);
    String text = SignedEnvelope.sign(sender(), EnvelopeFixtures.localId(), 1, 2, 3, payload).toString();
    assertTrue(text.length() < 160, text);
    assertFalse(text.contains("5a5a5a"), text);
    assertTrue(text.contains("1000 payload bytes"), text);
    assertTrue(text.contains(ID.substring(0, 8)), text);
  }

  @Test
  void constructor_shouldThrowWhenFieldIsOutOfRange() {
    byte[] k = new byte[32];
    byte[] s = new byte[64];
    byte[] p = new byte[0];
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(256, k, k, k, 0, 0, 0, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(-1, k, k, k, 0, 0, 0, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(1, k, k, k, 0, 0, 0x10000, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(1, k, k, k, 0, 0, -1, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(1, new byte[31], k, k, 0, 0, 0, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(1, k, new byte[33], k, 0, 0, 0, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(1, k, k, new byte[0], 0, 0, 0, p, s));
    assertThrows(IllegalArgumentException.class, () -> new SignedEnvelope(1, k, k, k, 0, 0, 0, p, new byte[63]));
    assertThrows(NullPointerException.class, () -> new SignedEnvelope(1, k, k, k, 0, 0, 0, null, s));
  }
}
