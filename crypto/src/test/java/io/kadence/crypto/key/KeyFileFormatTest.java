package io.kadence.crypto.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.key.KeyFileException.Reason;
import io.kadence.crypto.key.NodeKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The version 1 key file text: golden content and every way a file can be refused. */
class KeyFileFormatTest {
  private static final Path PATH = Path.of("/data/node.key");
  // RFC 8032, 7.1, TEST 1 and TEST 2 key pairs.
  private static final String SEED_1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String PUB_1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String PUB_2 = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
  private static final String GOLDEN = "kadence-node-key\n"
      + "version: 1\n"
      + "algorithm: ed25519\n"
      + "private-key: " + SEED_1 + "\n"
      + "public-key: " + PUB_1 + "\n";

  private static NodeKeyPair pair1() {
    return NodeKeyPair.fromPrivateKey(HexFormat.of().parseHex(SEED_1));
  }

  private static Reason reasonFor(String content) {
    KeyFileException e = assertThrows(KeyFileException.class,
        () -> KeyFileFormat.decode(PATH, content.getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(PATH, e.path());
    assertFalse(e.getMessage().contains(SEED_1), "message must not leak the private key");
    return e.reason();
  }

  @Test
  void encode_shouldWriteGoldenTextWhenGivenRfcKeyPair() {
    assertEquals(GOLDEN, new String(KeyFileFormat.encode(pair1()), StandardCharsets.US_ASCII));
  }

  @Test
  void decode_shouldReturnSameKeyPairWhenGivenGoldenText() throws Exception {
    NodeKeyPair pair = KeyFileFormat.decode(PATH, GOLDEN.getBytes(StandardCharsets.US_ASCII));
    assertEquals(pair1(), pair);
    assertArrayEquals(pair1().privateKeyBytes(), pair.privateKeyBytes());
  }

  @Test
  void decode_shouldReportTruncatedWhenCutAtEveryByte() {
    for (int length = 0; length < GOLDEN.length(); length++) {
      assertEquals(Reason.TRUNCATED, reasonFor(GOLDEN.substring(0, length)), "prefix of " + length);
    }
  }

  @Test
  void decode_shouldReportCorruptWhenMagicIsWrong() {
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("kadence-node-key", "kadence-node-kez")));
    assertEquals(Reason.CORRUPT, reasonFor("-----BEGIN PRIVATE KEY-----"));
    assertEquals(Reason.CORRUPT, reasonFor("\u0000\u0001\u0002"));
  }

  @Test
  void decode_shouldReportUnsupportedVersionWhenVersionIsUnknown() {
    assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(GOLDEN.replace("version: 1", "version: 2")));
    assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(GOLDEN.replace("version: 1", "version: 01")));
    assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(GOLDEN.replace("version: 1", "version: ")));
  }

  @Test
  void decode_shouldReportUnsupportedAlgorithmWhenNotEd25519() {
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, reasonFor(GOLDEN.replace("ed25519", "ed448")));
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, reasonFor(GOLDEN.replace("ed25519", "ED25519")));
  }

  @Test
  void decode_shouldReportCorruptWhenFieldNameOrEncodingIsBad() {
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("version: ", "version ")));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("private-key: 9d", "private-key: 9z")));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("private-key: 9d61", "private-key: 9D61")));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("private-key: 9d", "private-key: 9")));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("public-key: d7", "public-key: d7d7")));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("public-key: ", "public-key:  ")));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("private-key: 9d", "private-key: \u00e99d")));
  }

  @Test
  void decode_shouldReportCorruptWhenContentFollowsLastLine() {
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN + "\n"));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN + "extra: 1\n"));
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN + "x"));
  }

  @Test
  void decode_shouldReportCorruptNamingCrlfWhenLineEndsAreCrlf() {
    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFileFormat.decode(PATH,
        GOLDEN.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Reason.CORRUPT, e.reason());
    assertTrue(e.getMessage().contains("CRLF"), e.getMessage());
    assertEquals(Reason.CORRUPT, reasonFor(GOLDEN.replace("version: 1\n", "version: 1\r\n")));
  }

  @Test
  void decode_shouldReportKeyMismatchWhenPublicKeyIsAnotherNodes() {
    assertEquals(Reason.KEY_MISMATCH, reasonFor(GOLDEN.replace(PUB_1, PUB_2)));
  }

  @Test
  void decode_shouldReportKeyMismatchWhenAnyPrivateKeyBitFlips() {
    byte[] golden = GOLDEN.getBytes(StandardCharsets.US_ASCII);
    int start = GOLDEN.indexOf(SEED_1);
    for (int i = start; i < start + SEED_1.length(); i++) {
      byte[] copy = Arrays.copyOf(golden, golden.length);
      // Swap a hex digit for another valid lowercase digit so only the key value changes.
      copy[i] = (byte) (copy[i] == '0' ? '1' : '0');
      KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFileFormat.decode(PATH, copy));
      assertEquals(Reason.KEY_MISMATCH, e.reason(), "digit " + (i - start));
    }
  }
}
