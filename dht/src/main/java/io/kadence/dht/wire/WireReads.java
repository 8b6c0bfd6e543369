package io.kadence.dht.wire;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/**
 * Bounded reads shared by the serializers: every count and length is checked against its limit
 * and against the bytes left in the payload before anything is allocated, so a forged count of
 * two billion costs a comparison, not an array.
 */
final class WireReads {
  private WireReads() {}

  /** Bytes left to read. */
  static int remaining(Input in) {
    return in.limit() - in.position();
  }

  /**
   * Reads a varint count of elements of at least {@code minElementBytes} each; refuses a count
   * over {@code max} or one the remaining bytes cannot hold.
   */
  static int count(Input in, int max, int minElementBytes, String what) {
    int n = in.readVarInt(true);
    if (n < 0 || n > max) {
      throw new KryoException(what + " count " + Integer.toUnsignedString(n)
          + " exceeds the limit " + max);
    }
    long needed = (long) n * minElementBytes;
    if (needed > remaining(in)) {
      throw new KryoException(what + " count " + n + " needs at least " + needed
          + " bytes, " + remaining(in) + " left");
    }
    return n;
  }

  /** Reads a varint length and that many bytes; refuses a length over {@code max}. */
  static byte[] lengthPrefixed(Input in, int max, String what) {
    return fixed(in, count(in, max, 1, what + " length"), what);
  }

  /** Reads exactly {@code length} bytes, refusing before allocating if fewer are left. */
  static byte[] fixed(Input in, int length, String what) {
    if (length > remaining(in)) {
      throw new KryoException(what + " needs " + length + " bytes, " + remaining(in) + " left");
    }
    return in.readBytes(length);
  }
}
