package io.kadence.dht.id;

import io.kadence.crypto.Sha256;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Random;

/**
 * A 256-bit Kademlia identifier: a node ID (SHA-256 of the node's public key) or a point of the
 * key space. Distance is XOR interpreted as an unsigned integer (Maymounkov and Mazieres,
 * "Kademlia", section 2.1). Immutable; held as four big-endian words so XOR and comparison
 * allocate nothing.
 */
public final class NodeId implements Comparable<NodeId> {
  /** Width of the id space in bits. */
  public static final int BITS = 256;
  /** Width of the id space in bytes. */
  public static final int BYTES = BITS / 8;

  private static final HexFormat HEX = HexFormat.of();

  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;

  private NodeId(long w0, long w1, long w2, long w3) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
  }

  /** The id whose big-endian bytes are {@code bytes} (exactly 32). */
  public static NodeId of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a node id is " + BYTES + " bytes, got " + bytes.length);
    }
    return new NodeId(word(bytes, 0), word(bytes, 8), word(bytes, 16), word(bytes, 24));
  }

  /** Parses 64 hex digits (either case). */
  public static NodeId fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != BYTES * 2) {
      throw new IllegalArgumentException("a node id is " + BYTES * 2 + " hex digits, got " + hex.length());
    }
    try {
      return of(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex node id: " + hex, e);
    }
  }

  /** The node ID of a raw Ed25519 public key: SHA-256 of its bytes. */
  public static NodeId ofPublicKey(byte[] publicKey) {
    return of(io.kadence.crypto.key.NodeKeyPair.nodeIdOf(publicKey));
  }

  /** SHA-256 of the given bytes, as an id. */
  public static NodeId sha256(byte[] data) {
    return of(Sha256.digest(data));
  }

  /** A uniformly random id. */
  public static NodeId random(Random random) {
    return new NodeId(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  /**
   * A random id whose distance from {@code self} falls in bucket {@code index}: it shares the
   * {@code 255 - index} highest bits with {@code self} and differs at bit {@code index}. Used to
   * refresh a bucket (Kademlia, section 2.3).
   */
  public static NodeId randomInBucket(NodeId self, int index, Random random) {
    checkBucketIndex(index);
    long[] distance = new long[4];
    for (int i = 0; i < 4; i++) {
      distance[i] = random.nextLong();
    }
    // Clear every bit above `index`, set bit `index`.
    for (int bit = BITS - 1; bit > index; bit--) {
      distance[wordOf(bit)] &= ~maskOf(bit);
    }
    distance[wordOf(index)] |= maskOf(index);
    return new NodeId(self.w0 ^ distance[0], self.w1 ^ distance[1], self.w2 ^ distance[2],
        self.w3 ^ distance[3]);
  }

  /** XOR distance to {@code other}, as an id (compare distances with {@link #compareTo}). */
  public NodeId xor(NodeId other) {
    return new NodeId(w0 ^ other.w0, w1 ^ other.w1, w2 ^ other.w2, w3 ^ other.w3);
  }

  /**
   * Compares the XOR distances of {@code a} and {@code b} to this id, without allocating:
   * negative if {@code a} is closer.
   */
  public int compareDistance(NodeId a, NodeId b) {
    int c = Long.compareUnsigned(a.w0 ^ w0, b.w0 ^ w0);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(a.w1 ^ w1, b.w1 ^ w1);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(a.w2 ^ w2, b.w2 ^ w2);
    return c != 0 ? c : Long.compareUnsigned(a.w3 ^ w3, b.w3 ^ w3);
  }

  /** Orders ids by XOR distance to this one, closest first. */
  public Comparator<NodeId> distanceOrder() {
    return this::compareDistance;
  }

  /**
   * The k-bucket that {@code other} belongs to in a table owned by this id: the index of the
   * highest bit in which they differ, 0 (closest half-open range [1, 2)) to 255 (the far half of
   * the space). Throws for {@code other} equal to this id, which belongs in no bucket.
   */
  public int bucketIndex(NodeId other) {
    int zeros = xor(other).leadingZeros();
    if (zeros == BITS) {
      throw new IllegalArgumentException("an id has no bucket relative to itself");
    }
    return BITS - 1 - zeros;
  }

  /** Number of leading zero bits, 0 to 256. */
  public int leadingZeros() {
    if (w0 != 0) {
      return Long.numberOfLeadingZeros(w0);
    }
    if (w1 != 0) {
      return 64 + Long.numberOfLeadingZeros(w1);
    }
    if (w2 != 0) {
      return 128 + Long.numberOfLeadingZeros(w2);
    }
    return 192 + Long.numberOfLeadingZeros(w3);
  }

  /** Bit {@code index}, where 255 is the most significant bit. */
  public boolean testBit(int index) {
    checkBucketIndex(index);
    return (words()[wordOf(index)] & maskOf(index)) != 0;
  }

  /** The 32 big-endian bytes (a copy). */
  public byte[] bytes() {
    byte[] out = new byte[BYTES];
    long[] words = words();
    for (int i = 0; i < 4; i++) {
      for (int b = 0; b < 8; b++) {
        out[i * 8 + b] = (byte) (words[i] >>> (56 - 8 * b));
      }
    }
    return out;
  }

  /** 64 lower-case hex digits. */
  public String toHex() {
    return HEX.formatHex(bytes());
  }

  /** The first 8 hex digits, for logs and tables. */
  public String shortHex() {
    return toHex().substring(0, 8);
  }

  /** Unsigned numeric order of the 256-bit values. */
  @Override
  public int compareTo(NodeId o) {
    int c = Long.compareUnsigned(w0, o.w0);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(w1, o.w1);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(w2, o.w2);
    return c != 0 ? c : Long.compareUnsigned(w3, o.w3);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeId other
        && w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(w0 ^ w1 ^ w2 ^ w3);
  }

  @Override
  public String toString() {
    return toHex();
  }

  private long[] words() {
    return new long[] {w0, w1, w2, w3};
  }

  private static void checkBucketIndex(int index) {
    if (index < 0 || index >= BITS) {
      throw new IllegalArgumentException("bit index out of range 0..255: " + index);
    }
  }

  /** Word holding bit {@code index} (bit 255 is in word 0). */
  private static int wordOf(int index) {
    return 3 - index / 64;
  }

  private static long maskOf(int index) {
    return 1L << (index % 64);
  }

  private static long word(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
