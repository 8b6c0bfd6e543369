package io.kadence.dht.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LookupHedgeTest {
  @Test
  void delayNanos_shouldBeFactorTimesTheFirstAnswerButNeverBelowTheMinimum() {
    LookupHedge hedge = new LookupHedge(3, 20_000_000, 10, 500_000_000);
    assertEquals(300_000_000, hedge.delayNanos(100_000_000));
    assertEquals(20_000_000, hedge.delayNanos(1_000_000));
    assertEquals(20_000_000, hedge.delayNanos(-5));
    assertEquals(Long.MAX_VALUE, hedge.delayNanos(Long.MAX_VALUE));
  }

  @Test
  void giveUpNanos_shouldBeTheGiveUpFactorTimesTheFirstAnswerButNeverBelowItsMinimum() {
    LookupHedge hedge = new LookupHedge(3, 20_000_000, 10, 500_000_000);
    assertEquals(1_000_000_000, hedge.giveUpNanos(100_000_000));
    assertEquals(500_000_000, hedge.giveUpNanos(1_000_000));
    assertEquals(Long.MAX_VALUE, hedge.giveUpNanos(Long.MAX_VALUE));
  }

  @Test
  void constructor_shouldRejectAFactorBelowOneOrANegativeMinimum() {
    assertThrows(IllegalArgumentException.class, () -> new LookupHedge(0.5, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new LookupHedge(Double.NaN, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new LookupHedge(2, -1, 2, 0));
  }

  @Test
  void givingUpNoSoonerThan_shouldRaiseOnlyTheGiveUpMinimum() {
    LookupHedge hedge = new LookupHedge(3, 20_000_000, 10, 500_000_000);
    assertEquals(new LookupHedge(3, 20_000_000, 10, 2_000_000_000),
        hedge.givingUpNoSoonerThan(2_000_000_000));
    assertEquals(hedge, hedge.givingUpNoSoonerThan(1));
  }

  @Test
  void constructor_shouldRejectAGiveUpSoonerThanTheHedge() {
    assertThrows(IllegalArgumentException.class, () -> new LookupHedge(2, 0, 1.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new LookupHedge(2, 10, 2, 9));
    assertThrows(IllegalArgumentException.class,
        () -> new LookupHedge(2, 0, Double.POSITIVE_INFINITY, 0));
  }
}
