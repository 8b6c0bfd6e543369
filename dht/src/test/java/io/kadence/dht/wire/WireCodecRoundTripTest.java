package io.kadence.dht.wire;

import static io.kadence.dht.wire.WireFixtures.PUBLISHER;
import static io.kadence.dht.wire.WireFixtures.T0;
import static io.kadence.dht.wire.WireFixtures.contacts;
import static io.kadence.dht.wire.WireFixtures.id;
import static io.kadence.dht.wire.WireFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCodecRoundTripTest {
  private final WireCodec codec = WireCodec.withDefaults();
  private final WireLimits limits = codec.limits();

  private Message roundTrip(Message m) throws WireDecodeException {
    return codec.decode(codec.typeOf(m), codec.encode(m));
  }

  @Test
  void decode_shouldReturnEqualMessageWhenEncodingEverySample() throws WireDecodeException {
    for (Message m : WireFixtures.samples()) {
      assertEquals(m, roundTrip(m), m.toString());
    }
  }

  @Test
  void typeOf_shouldGiveFixedIdWhenGivenEachMessageType() {
    Map<Class<?>, Integer> expected = Map.of(Message.Ping.class, 100, Message.Pong.class, 101,
        Message.FindNode.class, 102, Message.Nodes.class, 103, Message.FindValue.class, 104,
        Message.Value.class, 105, Message.Store.class, 106, Message.StoreAck.class, 107,
        Message.Leave.class, 108);
    for (Message m : WireFixtures.samples()) {
      assertEquals(expected.get(m.getClass()), codec.typeOf(m), m.toString());
    }
  }

  @Test
  void decode_shouldKeepEveryRefusalWhenRoundTripped() throws WireDecodeException {
    for (StoreRefusal r : StoreRefusal.values()) {
      Message.StoreAck ack = (Message.StoreAck) roundTrip(Message.StoreAck.refused(r));
      assertFalse(ack.stored());
      assertEquals(r, ack.refusal().orElseThrow());
    }
    assertTrue(((Message.StoreAck) roundTrip(Message.StoreAck.ok())).stored());
  }

  @Test
  void decode_shouldKeepEveryExpectationWhenRoundTripped() throws WireDecodeException {
    SignedRecord r = record("cas", 3, new byte[] {1});
    for (ExpectedSequence e : List.of(ExpectedSequence.ANY, ExpectedSequence.ABSENT,
        ExpectedSequence.of(0), ExpectedSequence.of(Long.MAX_VALUE))) {
      assertEquals(new Message.Store(r, e), roundTrip(new Message.Store(r, e)));
    }
  }

  @Test
  void decode_shouldCarryOddRecordFieldsWhenValidationIsLeftToValidator()
      throws WireDecodeException {
    // The wire carries any 64-bit field; RecordValidator refuses them with a typed reason.
    SignedRecord odd = new SignedRecord(Key.of("odd"), PUBLISHER.publicKey(), -5,
        Long.MIN_VALUE, 0, new byte[0], new byte[64]);
    assertEquals(new Message.Store(odd), roundTrip(new Message.Store(odd)));
  }

  @Test
  void decode_shouldAcceptLargestValueWhenEveryLimitIsReached() throws WireDecodeException {
    List<SignedRecord> records = new ArrayList<>();
    for (int i = 0; i < limits.maxRecords(); i++) {
      records.add(SignedRecord.create(PUBLISHER, Key.of("big"), i, T0,
          java.time.Duration.ofHours(1), new byte[limits.maxValueBytes()]));
    }
    List<Contact> longHosts = new ArrayList<>();
    for (int i = 0; i < limits.maxContacts(); i++) {
      longHosts.add(new Contact(id(i), "h".repeat(limits.maxHostLength() - 3) + i % 10 + ".x",
          i + 1));
    }
    Message.Value biggest = new Message.Value(records, longHosts);

    byte[] payload = codec.encode(biggest);

    assertEquals(limits.worstCaseMessageBytes(), payload.length);
    assertTrue(payload.length <= limits.maxMessageBytes());
    assertEquals(biggest, codec.decode(WireRegistry.VALUE, payload));
  }

  @Test
  void encode_shouldRefuseWhenMessageBreaksALimit() {
    Contact nonAscii = new Contact(id(1), "héllo", 1);
    Contact withSpace = new Contact(id(1), "a b", 1);
    SignedRecord tooBig = record("big", 0, new byte[limits.maxValueBytes() + 1]);
    List<Message> refused = List.of(
        new Message.Nodes(contacts(limits.maxContacts() + 1)),
        new Message.Nodes(List.of(nonAscii)),
        new Message.Nodes(List.of(withSpace)),
        new Message.FindValue(Key.of("k"), limits.maxRecords() + 1),
        new Message.Value(Collections.nCopies(limits.maxRecords() + 1, record("k", 0,
            new byte[0])), List.of()),
        new Message.Store(tooBig));
    for (Message m : refused) {
      assertThrows(IllegalArgumentException.class, () -> codec.encode(m), m.toString());
    }
  }

  @Test
  void encode_shouldRefuseWhenMessageExceedsMaxMessageBytes() throws WireDecodeException {
    WireCodec tight = new WireCodec(new WireLimits(300, 20, 16, 1024, 253));
    Message fits = new Message.Store(record("k", 0, new byte[100]));
    Message tooLong = new Message.Store(record("k", 0, new byte[200]));

    assertEquals(fits, tight.decode(WireRegistry.STORE, tight.encode(fits)));
    assertThrows(IllegalArgumentException.class, () -> tight.encode(tooLong));
  }
}
