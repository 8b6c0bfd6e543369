package io.kadence.dht.wire;

import static io.kadence.dht.wire.WireFixtures.PUBLISHER;
import static io.kadence.dht.wire.WireFixtures.T0;
import static io.kadence.dht.wire.WireFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format. Expected bytes are written field by field from the format in
 * {@code package-info}; a change here is a protocol change and needs new type ids.
 */
class WireCodecGoldenTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String ID_0_TO_31 =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  private static final String HELLO_KEY =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  private final WireCodec codec = WireCodec.withDefaults();

  private void assertGolden(String expectedHex, int type, Message m) throws WireDecodeException {
    assertEquals(expectedHex, HEX.formatHex(codec.encode(m)));
    assertEquals(type, codec.typeOf(m));
    assertEquals(m, codec.decode(type, HEX.parseHex(expectedHex)));
  }

  @Test
  void encode_shouldMatchGoldenBytesWhenMessagesAreKnown() throws WireDecodeException {
    NodeId target = NodeId.fromHex(ID_0_TO_31);
    assertGolden("", WireRegistry.PING, new Message.Ping());
    assertGolden("", WireRegistry.LEAVE, new Message.Leave());
    assertGolden(ID_0_TO_31, WireRegistry.FIND_NODE, new Message.FindNode(target));
    assertGolden(String.join("",
        "01", // one contact
        ID_0_TO_31,
        "09", "3132372e302e302e31", // "127.0.0.1"
        "a00f"), // port 4000, little-endian like every Kryo fixed-width integer
        WireRegistry.NODES, new Message.Nodes(List.of(new Contact(target, "127.0.0.1", 4000))));
    assertGolden(HELLO_KEY + "10", WireRegistry.FIND_VALUE,
        new Message.FindValue(Key.of("hello"), 16));
    assertGolden("0000", WireRegistry.VALUE, new Message.Value(List.of(), List.of()));
    assertGolden("00", WireRegistry.STORE_ACK, Message.StoreAck.ok());
    assertGolden("08", WireRegistry.STORE_ACK, Message.StoreAck.refused(StoreRefusal.CAS_MISMATCH));
  }

  @Test
  void encode_shouldMatchGoldenBytesWhenStoringSignedRecord() throws WireDecodeException {
    SignedRecord record = SignedRecord.create(PUBLISHER, Key.of("hello"), 1, T0,
        Duration.ofHours(1), utf8("world"));
    String expected = String.join("",
        HELLO_KEY,
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", // RFC 8032 TEST 1
        "0100000000000000", // sequence 1, little-endian
        "0068e5cf8b010000", // created 1,700,000,000,000 ms
        "80ee360000000000", // ttl 3,600,000 ms
        "05", "776f726c64", // "world"
        "5f16485a1786c45c5af86c01581596e5d5cf5cbd1292c736a8448fd3557085", // signature, as in
        "00d41d27343ec454ff95e99b7e09e52057695102a631ae1626075f31851c16990a", // RecordSigningTest
        "feffffffffffffff"); // expected sequence: absent (-2)
    assertGolden(expected, WireRegistry.STORE, new Message.Store(record, ExpectedSequence.ABSENT));
  }
}
