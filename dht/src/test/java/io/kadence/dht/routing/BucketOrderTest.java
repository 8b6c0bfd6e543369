package io.kadence.dht.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BucketOrderTest {
  private final Random random = new Random(3);

  @Test
  void byDistance_shouldBePermutationOfAllBucketsWhenTargetIsAnyId() {
    NodeId self = NodeId.random(random);
    for (int i = 0; i < 500; i++) {
      NodeId target = i == 0 ? self : NodeId.randomInBucket(self, random.nextInt(256), random);
      int[] sorted = BucketOrder.byDistance(self, target).clone();
      Arrays.sort(sorted);
      assertArrayEquals(IntStream.range(0, 256).toArray(), sorted);
    }
  }

  @Test
  void byDistance_shouldPutEveryBucketEntirelyBeforeTheNextWhenIdsAreRandom() {
    NodeId self = NodeId.random(random);
    for (int round = 0; round < 200; round++) {
      NodeId target = round == 0 ? self
          : NodeId.randomInBucket(self, random.nextInt(256), random);
      int[] order = BucketOrder.byDistance(self, target);
      BigInteger previousMax = BigInteger.ONE.negate();
      for (int index : order) {
        BigInteger min = null;
        BigInteger max = null;
        for (int j = 0; j < 4; j++) {
          BigInteger d = big(target.xor(NodeId.randomInBucket(self, index, random)));
          min = min == null || d.compareTo(min) < 0 ? d : min;
          max = max == null || d.compareTo(max) > 0 ? d : max;
        }
        assertTrue(min.compareTo(previousMax) > 0, "bucket " + index + " out of order");
        previousMax = max;
      }
    }
  }

  @Test
  void byDistance_shouldBeAscendingWhenTargetIsSelf() {
    NodeId self = NodeId.random(random);
    assertArrayEquals(IntStream.range(0, 256).toArray(), BucketOrder.byDistance(self, self));
  }

  private static BigInteger big(NodeId id) {
    return new BigInteger(1, id.bytes());
  }
}
