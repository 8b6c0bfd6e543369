package io.kadence.crypto.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.sign.Rfc8032Vectors;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NodeKeyPair: the node ID binding (DESIGN.md, "Identity") and that key material never leaks. */
class NodeKeyPairTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void nodeId_shouldEqualSha256OfPublicKeyWhenBuiltFromRfcSeed() throws Exception {
    NodeKeyPair pair = NodeKeyPair.fromPrivateKey(Rfc8032Vectors.TEST_1.secretKeyBytes());
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(Rfc8032Vectors.TEST_1.publicKeyBytes());
    assertArrayEquals(Rfc8032Vectors.TEST_1.publicKeyBytes(), pair.publicKey());
    assertArrayEquals(expected, pair.nodeId());
    assertArrayEquals(expected, NodeKeyPair.nodeIdOf(pair.publicKey()));
  }

  @Test
  void nodeId_shouldEqualSha256OfPublicKeyWhenGenerated() throws Exception {
    NodeKeyPair pair = NodeKeyPair.generate(new SecureRandom());
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(pair.publicKey());
    assertArrayEquals(expected, pair.nodeId());
    assertEquals(32, pair.nodeId().length);
  }

  @Test
  void sign_shouldMatchRfcSignatureWhenBuiltFromRfcSeed() {
    Rfc8032Vectors.Vector v = Rfc8032Vectors.TEST_3;
    NodeKeyPair pair = NodeKeyPair.fromPrivateKey(v.secretKeyBytes());
    assertArrayEquals(v.signatureBytes(), pair.sign(v.messageBytes()));
  }

  @Test
  void toString_shouldNeverContainPrivateKeyHexWhenPrinted() {
    for (int i = 0; i < 50; i++) {
      NodeKeyPair pair = NodeKeyPair.generate(new SecureRandom());
      String text = pair.toString().toLowerCase();
      String privateHex = HEX.formatHex(pair.privateKeyBytes());
      assertFalse(text.contains(privateHex), text);
      // Not even an 8-byte window of the key may appear.
      for (int start = 0; start + 16 <= privateHex.length(); start += 2) {
        assertFalse(text.contains(privateHex.substring(start, start + 16)), text);
      }
    }
  }

  @Test
  void toString_shouldShowShortNodeIdWhenPrinted() {
    NodeKeyPair pair = NodeKeyPair.fromPrivateKey(Rfc8032Vectors.TEST_1.secretKeyBytes());
    assertTrue(pair.toString().contains(HEX.formatHex(pair.nodeId(), 0, 4)), pair.toString());
  }

  @Test
  void equals_shouldCompareByPublicKeyWhenSameSeed() {
    byte[] seed = Rfc8032Vectors.TEST_2.secretKeyBytes();
    NodeKeyPair a = NodeKeyPair.fromPrivateKey(seed);
    NodeKeyPair b = NodeKeyPair.fromPrivateKey(seed.clone());
    NodeKeyPair other = NodeKeyPair.fromPrivateKey(Rfc8032Vectors.TEST_3.secretKeyBytes());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, other);
    assertNotEquals(a, null);
  }

  @Test
  void accessors_shouldReturnCopiesWhenCallerMutatesThem() {
    NodeKeyPair pair = NodeKeyPair.fromPrivateKey(Rfc8032Vectors.TEST_1.secretKeyBytes());
    pair.publicKey()[0] ^= 1;
    pair.nodeId()[0] ^= 1;
    pair.privateKeyBytes()[0] ^= 1;
    assertArrayEquals(Rfc8032Vectors.TEST_1.publicKeyBytes(), pair.publicKey());
    assertArrayEquals(Rfc8032Vectors.TEST_1.secretKeyBytes(), pair.privateKeyBytes());
  }

  @Test
  void fromPrivateKey_shouldThrowWhenKeyHasWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> NodeKeyPair.fromPrivateKey(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> NodeKeyPair.nodeIdOf(new byte[33]));
  }
}
