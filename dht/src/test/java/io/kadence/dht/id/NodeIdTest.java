package io.kadence.dht.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeIdTest {
  private final Random random = new Random(42);

  @Test
  void fromHex_shouldRoundTripWhenGivenEitherCase() {
    for (int i = 0; i < 1000; i++) {
      NodeId id = NodeId.random(random);
      assertEquals(id, NodeId.fromHex(id.toHex()));
      assertEquals(id, NodeId.fromHex(id.toHex().toUpperCase()));
      assertEquals(id, NodeId.of(id.bytes()));
    }
  }

  @Test
  void fromHex_shouldRejectWhenLengthOrDigitsAreWrong() {
    assertThrows(IllegalArgumentException.class, () -> NodeId.fromHex("abc"));
    assertThrows(IllegalArgumentException.class, () -> NodeId.fromHex("g".repeat(64)));
    assertThrows(IllegalArgumentException.class, () -> NodeId.of(new byte[31]));
  }

  @Test
  void compareDistance_shouldMatchBigIntegerXorWhenIdsAreRandom() {
    for (int i = 0; i < 10_000; i++) {
      NodeId target = NodeId.random(random);
      NodeId a = NodeId.random(random);
      NodeId b = NodeId.random(random);
      int expected = big(target).xor(big(a)).compareTo(big(target).xor(big(b)));
      assertEquals(Integer.signum(expected), Integer.signum(target.compareDistance(a, b)));
      assertEquals(big(target).xor(big(a)), big(target.xor(a)));
    }
  }

  @Test
  void bucketIndex_shouldBeHighestDifferingBitWhenIdsDiffer() {
    for (int i = 0; i < 10_000; i++) {
      NodeId a = NodeId.random(random);
      NodeId b = NodeId.random(random);
      assertEquals(big(a).xor(big(b)).bitLength() - 1, a.bucketIndex(b));
    }
    NodeId a = NodeId.random(random);
    assertThrows(IllegalArgumentException.class, () -> a.bucketIndex(a));
  }

  @Test
  void randomInBucket_shouldLandInThatBucketWhenAnyIndexIsGiven() {
    NodeId self = NodeId.random(random);
    for (int index = 0; index < NodeId.BITS; index++) {
      for (int j = 0; j < 20; j++) {
        assertEquals(index, self.bucketIndex(NodeId.randomInBucket(self, index, random)));
      }
    }
  }

  @Test
  void testBit_shouldMatchBigIntegerWhenIdIsRandom() {
    NodeId id = NodeId.random(random);
    for (int bit = 0; bit < NodeId.BITS; bit++) {
      assertEquals(big(id).testBit(bit), id.testBit(bit));
    }
  }

  @Test
  void keyOf_shouldBeSha256OfUtf8WhenGivenAString() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Key.of("abc").toHex());
    assertTrue(Key.of("abc").equals(Key.fromHex(Key.of("abc").toHex())));
  }

  private static BigInteger big(NodeId id) {
    return new BigInteger(1, id.bytes());
  }
}
