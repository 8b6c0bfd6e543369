package io.kadence.bench.sim;

import io.kadence.dht.id.NodeId;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A subset of a {@link Population} that answers "which members are closest to this id by XOR
 * distance" exactly, without scanning: members are kept in id order, and the members sharing at
 * least p leading bits with a target form a contiguous run around the target's insertion point,
 * the run shrinking as p grows (Kademlia, section 2.1: XOR distance is decided by the longest
 * shared prefix first). Used for the brute-force truth of every lookup and for the colluding
 * adversaries' answers. Immutable, so shared between threads.
 */
final class XorIndex {
  private final int[] members;
  private final NodeId[] memberIds;

  /** The nodes of {@code population} for which {@code filter} holds. */
  XorIndex(Population population, IntPredicate filter) {
    this.members = IntStream.range(0, population.size()).filter(filter).toArray();
    this.memberIds = new NodeId[members.length];
    for (int i = 0; i < members.length; i++) {
      memberIds[i] = population.id(members[i]);
    }
  }

  int size() {
    return members.length;
  }

  /** The {@code i}-th member in id order. */
  int member(int i) {
    return members[i];
  }

  /**
   * The (at most) {@code count} members closest to {@code target}, closest first, leaving out
   * the node {@code skip} (-1 for none).
   */
  int[] closest(NodeId target, int count, int skip) {
    int n = members.length;
    int want = Math.min(count + (skip >= 0 ? 1 : 0), n);
    if (want == 0) {
      return new int[0];
    }
    int insertion = Arrays.binarySearch(memberIds, target);
    int pos = insertion >= 0 ? insertion : -insertion - 1;
    // Walk outwards, taking the side that shares more bits, until `want` are taken: every
    // member sharing more than `threshold` bits is then taken.
    int left = pos - 1;
    int right = pos;
    int threshold = NodeId.BITS;
    for (int taken = 0; taken < want; taken++) {
      int l = left >= 0 ? shared(left, target) : -1;
      int r = right < n ? shared(right, target) : -1;
      if (l >= r) {
        threshold = l;
        left--;
      } else {
        threshold = r;
        right++;
      }
    }
    // Members sharing exactly `threshold` bits may lie further out: take the whole run.
    while (left >= 0 && shared(left, target) >= threshold) {
      left--;
    }
    while (right < n && shared(right, target) >= threshold) {
      right++;
    }
    Integer[] run = new Integer[right - left - 1];
    int size = 0;
    for (int i = left + 1; i < right; i++) {
      if (members[i] != skip) {
        run[size++] = i;
      }
    }
    Arrays.sort(run, 0, size, (a, b) -> target.compareDistance(memberIds[a], memberIds[b]));
    int[] out = new int[Math.min(count, size)];
    for (int i = 0; i < out.length; i++) {
      out[i] = members[run[i]];
    }
    return out;
  }

  private int shared(int position, NodeId target) {
    return memberIds[position].xor(target).leadingZeros();
  }
}
