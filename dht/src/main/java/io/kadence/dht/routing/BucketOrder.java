package io.kadence.dht.routing;

import io.kadence.dht.id.NodeId;

/**
 * The order in which to visit the buckets of a table owned by {@code self} so that the
 * contacts of each bucket are all closer to a target than those of every later bucket
 * (Kademlia, section 2.1: distance is XOR). Within one bucket contacts still need sorting.
 *
 * <p>Let {@code d = self ^ target} and {@code j} its highest set bit. A contact {@code c} of
 * bucket {@code i} has {@code c ^ target = (c ^ self) ^ d}, where {@code c ^ self} has highest
 * bit {@code i}. So:
 *
 * <ul>
 *   <li>bucket {@code j}: bits {@code j} and above cancel, distance below {@code 2^j} — first;
 *   <li>buckets {@code i > j}: distance in {@code [2^i, 2^(i+1))} — last, in ascending order;
 *   <li>buckets {@code i < j}: distance has the bits of {@code d} above {@code i} and
 *       {@code NOT d_i} at bit {@code i}. Bucket {@code i} thus precedes every lower bucket
 *       when {@code d_i = 1} and follows them when {@code d_i = 0}: first the {@code i} with
 *       {@code d_i = 1} in descending order, then those with {@code d_i = 0} ascending.
 * </ul>
 *
 * <p>For {@code target == self} ({@code d = 0}) this is simply 0 to 255.
 */
final class BucketOrder {
  private BucketOrder() {}

  /** Bucket indices, closest to {@code target} first; every index 0..255 exactly once. */
  static int[] byDistance(NodeId self, NodeId target) {
    int[] order = new int[NodeId.BITS];
    if (self.equals(target)) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      return order;
    }
    // Big-endian bytes of d: bit i sits in byte 31 - i / 8. One array, not a call per bit.
    byte[] d = self.xor(target).bytes();
    int j = self.bucketIndex(target);
    int n = 0;
    order[n++] = j;
    for (int i = j - 1; i >= 0; i--) {
      if (bit(d, i)) {
        order[n++] = i;
      }
    }
    for (int i = 0; i < j; i++) {
      if (!bit(d, i)) {
        order[n++] = i;
      }
    }
    for (int i = j + 1; i < NodeId.BITS; i++) {
      order[n++] = i;
    }
    return order;
  }

  private static boolean bit(byte[] bigEndian, int index) {
    return (bigEndian[bigEndian.length - 1 - index / 8] & (1 << (index % 8))) != 0;
  }
}
