package io.kadence.dht.record;

import io.kadence.dht.id.Key;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes a publisher signs for a {@link SignedRecord} ("sign bytes, not objects",
 * STYLE.md rule 7). The encoding is domain-separated, so a record signature can never be
 * replayed as an envelope signature or any other signed structure of the protocol, and every
 * byte string is length-prefixed, so no two different records share an encoding.
 *
 * <p>Layout, all integers big-endian, {@code n} the value length:
 *
 * <pre>
 * offset  size  field
 *      0     4  u32 length of the domain tag = 17
 *      4    17  domain tag "kadence/record/v1", US-ASCII
 *     21     4  u32 length of the key = 32
 *     25    32  key (SHA-256 of the user's key, or a raw 256-bit id)
 *     57     4  u32 length of the publisher's public key = 32
 *     61    32  publisher's raw Ed25519 public key (RFC 8032, 5.1.5)
 *     93     8  i64 sequence number
 *    101     8  i64 creation time, milliseconds since the epoch
 *    109     8  i64 time to live, milliseconds
 *    117     4  u32 value length n
 *    121     n  value
 * </pre>
 *
 * <p>The signature is pure Ed25519 (RFC 8032, 5.1.6) of these {@code 121 + n} bytes. Any change
 * to this layout must change the domain tag.
 */
public final class RecordSigning {
  /** Domain tag of version 1 of the record signing layout. */
  public static final String DOMAIN_TAG = "kadence/record/v1";

  private static final byte[] TAG = DOMAIN_TAG.getBytes(StandardCharsets.US_ASCII);

  /** Length of the content before the value bytes (offset of the value). */
  public static final int HEADER_BYTES = 121;

  private RecordSigning() {}

  /** The bytes the publisher signs for a record with these fields. */
  public static byte[] content(Key key, byte[] publisherPublicKey, long sequence,
      long createdMillis, long ttlMillis, byte[] value) {
    byte[] keyBytes = key.bytes();
    ByteBuffer buf = ByteBuffer.allocate(4 + TAG.length + 4 + keyBytes.length
        + 4 + publisherPublicKey.length + 3 * Long.BYTES + 4 + value.length);
    putPrefixed(buf, TAG);
    putPrefixed(buf, keyBytes);
    putPrefixed(buf, publisherPublicKey);
    buf.putLong(sequence);
    buf.putLong(createdMillis);
    buf.putLong(ttlMillis);
    putPrefixed(buf, value);
    return buf.array();
  }

  private static void putPrefixed(ByteBuffer buf, byte[] bytes) {
    buf.putInt(bytes.length);
    buf.put(bytes);
  }
}
