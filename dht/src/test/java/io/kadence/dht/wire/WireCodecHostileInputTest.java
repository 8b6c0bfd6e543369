package io.kadence.dht.wire;

import static io.kadence.dht.wire.WireFixtures.contacts;
import static io.kadence.dht.wire.WireFixtures.record;
import static io.kadence.dht.wire.WireFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.esotericsoftware.kryo.io.Output;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecHostileInputTest {
  private static final int HUGE = Integer.MAX_VALUE;

  private final WireCodec codec = WireCodec.withDefaults();

  /** Bytes built with Kryo's own primitives, as a hostile peer would. */
  private static byte[] bytes(java.util.function.Consumer<Output> writer) {
    Output out = new Output(64, -1);
    writer.accept(out);
    return out.toBytes();
  }

  private static final byte[] ID = new byte[32];

  private WireDecodeException refused(int type, byte[] payload) {
    return assertThrows(WireDecodeException.class, () -> codec.decode(type, payload));
  }

  @Test
  void decode_shouldRefuseWhenPayloadTypeIsNotAMessage() {
    for (int type : new int[] {-1, 0, 1, 20, 21, 24, 99, 109, 200, 65535, 65536, HUGE}) {
      WireDecodeException e = refused(type, new byte[0]);
      assertTrue(e.getMessage().contains("unknown payload type"), e.getMessage());
    }
  }

  @Test
  void decode_shouldRefuseWhenPayloadHasTrailingBytes() {
    byte[] ping = {0};
    byte[] ack = {0, 0};
    byte[] findNode = Arrays.copyOf(codec.encode(new Message.FindNode(WireFixtures.id(1))), 33);
    assertTrue(refused(WireRegistry.PING, ping).getMessage().contains("trailing"));
    assertTrue(refused(WireRegistry.STORE_ACK, ack).getMessage().contains("trailing"));
    assertTrue(refused(WireRegistry.FIND_NODE, findNode).getMessage().contains("trailing"));
  }

  @Test
  void decode_shouldRefuseWhenEverySampleIsTruncated() {
    for (Message m : WireFixtures.samples()) {
      byte[] payload = codec.encode(m);
      for (int length = 0; length < payload.length; length++) {
        int cut = length;
        assertThrows(WireDecodeException.class,
            () -> codec.decode(codec.typeOf(m), Arrays.copyOf(payload, cut)), m + " at " + cut);
      }
    }
  }

  @Test
  void decode_shouldRefuseQuicklyWhenCountsAndLengthsAreHuge() {
    List<Object[]> cases = List.of(
        new Object[] {WireRegistry.NODES, bytes(o -> o.writeVarInt(HUGE, true))},
        new Object[] {WireRegistry.NODES, bytes(o -> o.writeVarInt(-1, true))},
        new Object[] {WireRegistry.VALUE, bytes(o -> o.writeVarInt(HUGE, true))},
        new Object[] {WireRegistry.VALUE, bytes(o -> {
          o.writeVarInt(0, true);
          o.writeVarInt(HUGE, true);
        })},
        new Object[] {WireRegistry.NODES, bytes(o -> {
          o.writeVarInt(1, true);
          o.writeBytes(ID);
          o.writeVarInt(HUGE, true); // host length
        })},
        new Object[] {WireRegistry.STORE, bytes(o -> {
          o.writeBytes(ID);
          o.writeBytes(ID);
          o.writeLong(1);
          o.writeLong(2);
          o.writeLong(3);
          o.writeVarInt(HUGE, true); // value length
        })},
        new Object[] {WireRegistry.FIND_VALUE, bytes(o -> {
          o.writeBytes(ID);
          o.writeVarInt(HUGE, true);
        })});
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (Object[] c : cases) {
        refused((Integer) c[0], (byte[]) c[1]);
      }
    });
  }

  @Test
  void decode_shouldNotAllocateWhenLengthWithinLimitIsNotBacked() throws WireDecodeException {
    var threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    var allocation = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(allocation.isThreadAllocatedMemorySupported());
    // Legal lengths (a 64 KiB value, 20 contacts, 16 records) announced by a 100-byte payload.
    byte[] value = bytes(o -> {
      o.writeBytes(ID);
      o.writeBytes(ID);
      o.writeLong(1);
      o.writeLong(2);
      o.writeLong(3);
      o.writeVarInt(codec.limits().maxValueBytes(), true);
      o.writeBytes(new byte[8]);
    });
    for (int warmUp = 0; warmUp < 100; warmUp++) {
      refused(WireRegistry.STORE, value);
      codec.decode(WireRegistry.PING, new byte[0]);
    }
    long before = allocation.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10; i++) {
      refused(WireRegistry.STORE, value);
    }
    long perDecode = (allocation.getCurrentThreadAllocatedBytes() - before) / 10;
    // Exceptions and their stack traces cost a few KiB; a 64 KiB value array would show.
    assertTrue(perDecode < 32 * 1024, "allocated " + perDecode + " bytes per refused decode");
  }

  @Test
  void decode_shouldRefuseWhenFieldsBreakTheirRules() {
    byte[] port0 = bytes(o -> {
      o.writeVarInt(1, true);
      o.writeBytes(ID);
      o.writeVarInt(1, true);
      o.writeBytes(utf8("h"));
      o.writeShort(0);
    });
    byte[] controlInHost = codec.encode(new Message.Nodes(contacts(1)));
    controlInHost[34] = '\n';
    byte[] unknownRefusal = {(byte) 200};
    byte[] findValueZero = bytes(o -> {
      o.writeBytes(ID);
      o.writeVarInt(0, true);
    });
    byte[] store = codec.encode(new Message.Store(record("k", 0, new byte[0])));
    byte[] expectedBelowAbsent = Arrays.copyOf(store, store.length);
    expectedBelowAbsent[store.length - 8] = -3;
    Arrays.fill(expectedBelowAbsent, store.length - 7, store.length, (byte) 0xff);

    refused(WireRegistry.NODES, port0);
    refused(WireRegistry.NODES, controlInHost);
    refused(WireRegistry.STORE_ACK, unknownRefusal);
    refused(WireRegistry.FIND_VALUE, findValueZero);
    refused(WireRegistry.STORE, expectedBelowAbsent);
    refused(WireRegistry.PING, null);
    refused(WireRegistry.PING, new byte[codec.limits().maxMessageBytes() + 1]);
  }

  @Test
  void decode_shouldStillWorkWhenPooledKryoSawHostileInput() throws WireDecodeException {
    for (int i = 0; i < 100; i++) {
      refused(WireRegistry.VALUE, bytes(o -> o.writeVarInt(3, true)));
    }
    Message m = WireFixtures.samples().get(11);
    assertEquals(m, codec.decode(codec.typeOf(m), codec.encode(m)));
  }
}
