package io.kadence.crypto.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.sign.Rfc8032Vectors.Vector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ed25519 against the published vectors of RFC 8032, section 7.1, and malformed inputs. */
class Ed25519Test {
  private static final String VECTORS = "io.kadence.crypto.sign.Rfc8032Vectors#all";

  @ParameterizedTest
  @MethodSource(VECTORS)
  void publicKeyOf_shouldEqualRfcPublicKeyWhenGivenRfcSecretKey(Vector v) {
    assertArrayEquals(v.publicKeyBytes(), Ed25519.publicKeyOf(v.secretKeyBytes()));
  }

  @ParameterizedTest
  @MethodSource(VECTORS)
  void sign_shouldProduceRfcSignatureExactlyWhenGivenRfcVector(Vector v) {
    assertArrayEquals(v.signatureBytes(), Ed25519.sign(v.secretKeyBytes(), v.messageBytes()));
  }

  @ParameterizedTest
  @MethodSource(VECTORS)
  void verify_shouldAcceptWhenGivenRfcVector(Vector v) {
    assertTrue(Ed25519.verify(v.publicKeyBytes(), v.messageBytes(), v.signatureBytes()));
  }

  @ParameterizedTest
  @MethodSource(VECTORS)
  void verify_shouldRejectWhenMessageIsModified(Vector v) {
    byte[] message = v.messageBytes();
    byte[] modified = message.length == 0 ? new byte[] {0} : flipLastBit(message);
    assertFalse(Ed25519.verify(v.publicKeyBytes(), modified, v.signatureBytes()));
  }

  @ParameterizedTest
  @MethodSource(VECTORS)
  void verify_shouldRejectWhenSignatureIsModified(Vector v) {
    byte[] signature = v.signatureBytes();
    signature[0] ^= 0x01;
    assertFalse(Ed25519.verify(v.publicKeyBytes(), v.messageBytes(), signature));
  }

  @Test
  void verify_shouldRejectWhenSignedByAnotherKey() {
    Vector v = Rfc8032Vectors.TEST_2;
    assertFalse(Ed25519.verify(Rfc8032Vectors.TEST_3.publicKeyBytes(), v.messageBytes(),
        v.signatureBytes()));
  }

  @Test
  void verify_shouldReturnFalseWhenKeyOrSignatureHasWrongLength() {
    Vector v = Rfc8032Vectors.TEST_3;
    byte[] pub = v.publicKeyBytes();
    byte[] msg = v.messageBytes();
    byte[] sig = v.signatureBytes();
    assertFalse(Ed25519.verify(Arrays.copyOf(pub, 31), msg, sig));
    assertFalse(Ed25519.verify(Arrays.copyOf(pub, 33), msg, sig));
    assertFalse(Ed25519.verify(new byte[0], msg, sig));
    assertFalse(Ed25519.verify(null, msg, sig));
    assertFalse(Ed25519.verify(pub, msg, Arrays.copyOf(sig, 63)));
    assertFalse(Ed25519.verify(pub, msg, Arrays.copyOf(sig, 65)));
    assertFalse(Ed25519.verify(pub, msg, new byte[0]));
    assertFalse(Ed25519.verify(pub, msg, null));
  }

  @Test
  void verify_shouldReturnFalseWhenKeyIsNotACurvePoint() {
    // y = 2: (y^2 - 1) / (d y^2 + 1) is not a square mod 2^255 - 19, so no x exists
    // (RFC 8032, 5.1.3, step 3 fails).
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    Vector v = Rfc8032Vectors.TEST_1;
    assertFalse(Ed25519.verify(notAPoint, v.messageBytes(), v.signatureBytes()));
  }

  @Test
  void verify_shouldReturnFalseWhenKeyIsNonCanonical() {
    // y = 2^255 - 1 is not below p (RFC 8032, 5.1.3, step 1).
    byte[] nonCanonical = new byte[32];
    Arrays.fill(nonCanonical, (byte) 0xff);
    nonCanonical[31] = 0x7f;
    Vector v = Rfc8032Vectors.TEST_1;
    assertFalse(Ed25519.verify(nonCanonical, v.messageBytes(), v.signatureBytes()));
  }

  @Test
  void verify_shouldReturnFalseWhenKeyAndSignatureAreTheIdentityForgery() {
    // Public key = neutral point, R = neutral point, S = 0 satisfies the verification equation
    // for every message in a naive implementation; it must never verify.
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] signature = new byte[64];
    signature[0] = 1;
    assertFalse(Ed25519.verify(identity, "any message".getBytes(StandardCharsets.UTF_8), signature));
  }

  @ParameterizedTest
  @MethodSource(VECTORS)
  void verify_shouldGiveTheSameVerdictsWhenTheKeyIsAlreadyCached(Vector v) {
    byte[] modified = flipLastBit(v.messageBytes().length == 0 ? new byte[1] : v.messageBytes());
    for (int round = 0; round < 3; round++) {
      assertFalse(Ed25519.verify(v.publicKeyBytes(), modified, v.signatureBytes()));
      assertTrue(Ed25519.verify(v.publicKeyBytes(), v.messageBytes(), v.signatureBytes()));
    }
  }

  @Test
  void verify_shouldStillRefuseAnInvalidKeyWhenAskedAgain() {
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    Vector v = Rfc8032Vectors.TEST_1;
    for (int round = 0; round < 3; round++) {
      assertFalse(Ed25519.verify(notAPoint, v.messageBytes(), v.signatureBytes()));
    }
  }

  @Test
  void sign_shouldThrowWhenPrivateKeyHasWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> Ed25519.sign(new byte[31], new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKeyOf(new byte[33]));
  }

  @Test
  void shaAbcVector_shouldHaveSha512OfAbcAsMessage() throws Exception {
    byte[] sha512 = MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(sha512, Rfc8032Vectors.TEST_SHA_ABC.messageBytes());
    assertEquals(1023, Rfc8032Vectors.TEST_1024.messageBytes().length);
  }

  private static byte[] flipLastBit(byte[] message) {
    byte[] copy = message.clone();
    copy[copy.length - 1] ^= 0x01;
    return copy;
  }
}
