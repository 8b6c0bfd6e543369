package io.kadence.dht.record;

import static io.kadence.dht.record.RecordFixtures.ALICE;
import static io.kadence.dht.record.RecordFixtures.HOUR;
import static io.kadence.dht.record.RecordFixtures.KEY;
import static io.kadence.dht.record.RecordFixtures.T0;
import static io.kadence.dht.record.RecordFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the record signing layout and its signature. The expected bytes are written field by
 * field from the layout in {@link RecordSigning}; the signature was computed from those bytes
 * by an independent Ed25519 implementation (pyca/cryptography), with RFC 8032's TEST 1 key.
 */
class RecordSigningTest {
  private static final HexFormat HEX = HexFormat.of();

  private static final String GOLDEN_CONTENT = String.join("",
      "00000011", "6b6164656e63652f7265636f72642f7631", // "kadence/record/v1"
      "00000020", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", // SHA-256("hello")
      "00000020", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", // RFC 8032 TEST 1 key
      "0000000000000001", // sequence 1
      "0000018bcfe56800", // created 1,700,000,000,000 ms
      "000000000036ee80", // ttl 3,600,000 ms
      "00000005", "776f726c64"); // "world"

  private static final String GOLDEN_SIGNATURE = "5f16485a1786c45c5af86c01581596e5d5cf5cbd1292c736a8448fd3557085"
      + "00d41d27343ec454ff95e99b7e09e52057695102a631ae1626075f31851c16990a";

  @Test
  void content_shouldMatchGoldenBytesWhenGivenKnownFields() {
    byte[] content = RecordSigning.content(KEY, ALICE.publicKey(), 1,
        T0.toEpochMilli(), HOUR.toMillis(), utf8("world"));

    assertEquals(GOLDEN_CONTENT, HEX.formatHex(content));
    assertEquals(RecordSigning.HEADER_BYTES + 5, content.length);
  }

  @Test
  void create_shouldSignGoldenContentWhenKeyIsRfc8032Test1() {
    SignedRecord record = SignedRecord.create(ALICE, KEY, 1, T0, HOUR, utf8("world"));

    assertEquals(GOLDEN_CONTENT, HEX.formatHex(record.signedContent()));
    assertArrayEquals(HEX.parseHex(GOLDEN_SIGNATURE), record.signature());
    assertEquals("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9",
        record.publisherId().toHex());
  }
}
