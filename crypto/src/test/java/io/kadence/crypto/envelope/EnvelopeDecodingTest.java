package io.kadence.crypto.envelope;

import static io.kadence.crypto.envelope.EnvelopeFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kadence.crypto.envelope.MalformedEnvelopeException.Problem;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** fromBytes refuses, before allocating, every length it cannot trust. */
class EnvelopeDecodingTest {
  /** Offset of the u32 payload length in the wire encoding. */
  private static final int LENGTH_OFFSET = 1 + 32 + 32 + 32 + 8 + 8 + 2;

  private static Problem problemOf(byte[] bytes, int maxPayload) {
    return assertThrows(MalformedEnvelopeException.class,
        () -> SignedEnvelope.fromBytes(bytes, maxPayload)).problem();
  }

  private static byte[] withDeclaredLength(byte[] wire, int declared) {
    byte[] copy = wire.clone();
    ByteBuffer.wrap(copy).putInt(LENGTH_OFFSET, declared);
    return copy;
  }

  @Test
  void fromBytes_shouldReportTruncatedWhenCutAtEveryLength() {
    byte[] wire = sample().toBytes();
    for (int length = 0; length < wire.length; length++) {
      assertEquals(Problem.TRUNCATED, problemOf(Arrays.copyOf(wire, length), 1024), "length " + length);
    }
    assertEquals(Problem.TRUNCATED, problemOf(null, 1024));
  }

  @Test
  void fromBytes_shouldReportTrailingBytesWhenExtraBytesFollowSignature() {
    byte[] wire = sample().toBytes();
    assertEquals(Problem.TRAILING_BYTES, problemOf(Arrays.copyOf(wire, wire.length + 1), 1024));
  }

  @Test
  void fromBytes_shouldReportOversizeWhenPayloadExceedsLimit() {
    byte[] wire = sample().toBytes(); // 4-byte payload
    assertEquals(Problem.OVERSIZE, problemOf(wire, 3));
    assertEquals(Problem.OVERSIZE, problemOf(new byte[SignedEnvelope.FIXED_BYTES + 11], 10));
  }

  @Test
  void fromBytes_shouldReportOversizeWithoutAllocatingWhenDeclaredLengthIsHuge() {
    byte[] wire = sample().toBytes();
    // 0xffffffff and 2^31 - 1 would be 4 GiB and 2 GiB allocations if trusted.
    assertEquals(Problem.OVERSIZE, problemOf(withDeclaredLength(wire, -1), Integer.MAX_VALUE - 1000));
    assertEquals(Problem.OVERSIZE, problemOf(withDeclaredLength(wire, Integer.MAX_VALUE), 1024));
  }

  @Test
  void fromBytes_shouldReportTruncatedWhenDeclaredLengthExceedsBytesPresent() {
    byte[] wire = sample().toBytes();
    assertEquals(Problem.TRUNCATED, problemOf(withDeclaredLength(wire, 5), 1024));
    assertEquals(Problem.TRUNCATED, problemOf(withDeclaredLength(wire, 1000), Integer.MAX_VALUE));
    assertEquals(Problem.TRAILING_BYTES, problemOf(withDeclaredLength(wire, 3), 1024));
  }

  @Test
  void fromBytes_shouldReportUnsupportedVersionWhenVersionByteDiffers() {
    for (int version : new int[] {0, 2, 0x81, 0xff}) {
      byte[] wire = sample().toBytes();
      wire[0] = (byte) version;
      assertEquals(Problem.UNSUPPORTED_VERSION, problemOf(wire, 1024), "version " + version);
    }
  }

  @Test
  void fromBytes_shouldThrowWhenLimitIsNegative() {
    assertThrows(IllegalArgumentException.class, () -> SignedEnvelope.fromBytes(sample().toBytes(), -1));
  }
}
