package io.kadence.crypto.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.crypto.replay.ReplayWindow.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ReplayWindow with a clock moved by hand: duplicates, time and size bounds, the low-water mark. */
class ReplayWindowTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration RETENTION = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(java.time.Instant.ofEpochMilli(T0));

  private static byte[] sender(int n) {
    byte[] id = new byte[32];
    id[0] = (byte) n;
    id[31] = (byte) (n >>> 8);
    return id;
  }

  private Outcome check(ReplayWindow window, int sender, long requestId, long timestampMillis) {
    return window.checkAndRecord(sender(sender), requestId, timestampMillis, clock.millis());
  }

  @Test
  void checkAndRecord_shouldReturnDuplicateWhenSamePairSeenAgain() {
    ReplayWindow window = new ReplayWindow(RETENTION, 100);
    assertEquals(Outcome.ACCEPTED, check(window, 1, 7, T0));
    assertEquals(Outcome.DUPLICATE, check(window, 1, 7, T0));
    // A different timestamp does not make the same request id new.
    assertEquals(Outcome.DUPLICATE, check(window, 1, 7, T0 + 5));
  }

  @Test
  void checkAndRecord_shouldAcceptWhenSameRequestIdComesFromOtherSender() {
    ReplayWindow window = new ReplayWindow(RETENTION, 100);
    assertEquals(Outcome.ACCEPTED, check(window, 1, 7, T0));
    assertEquals(Outcome.ACCEPTED, check(window, 2, 7, T0));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 8, T0));
    assertEquals(3, window.size());
  }

  @Test
  void checkAndRecord_shouldPruneAndRaiseMarkWhenEntriesAgePastRetention() {
    ReplayWindow window = new ReplayWindow(RETENTION, 100);
    assertEquals(Outcome.ACCEPTED, check(window, 1, 1, T0));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 2, T0 + 10_000));
    clock.advance(Duration.ofMillis(30_001)); // T0 is now older than the retention; T0+10s is not
    assertEquals(Outcome.ACCEPTED, check(window, 1, 3, clock.millis()));
    assertEquals(2, window.size());
    assertEquals(T0, window.lowWaterMarkMillis());
    // Even if the clock were stepped back, the forgotten pair cannot come back.
    clock.set(java.time.Instant.ofEpochMilli(T0));
    assertEquals(Outcome.BELOW_LOW_WATER_MARK, check(window, 1, 1, T0));
    assertEquals(Outcome.DUPLICATE, check(window, 1, 2, T0 + 10_000));
  }

  @Test
  void checkAndRecord_shouldForgetEverythingWhenWholeWindowHasAged() {
    ReplayWindow window = new ReplayWindow(RETENTION, 1_000);
    for (int i = 0; i < 500; i++) {
      check(window, i, i, T0 + i);
    }
    clock.advance(Duration.ofMinutes(5));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 1, clock.millis()));
    assertEquals(1, window.size());
    assertEquals(T0 + 499, window.lowWaterMarkMillis());
  }

  @Test
  void checkAndRecord_shouldStayWithinMaxEntriesWhenGiven100kPairs() {
    int max = 1_000;
    ReplayWindow window = new ReplayWindow(Duration.ofDays(1), max);
    for (int i = 0; i < 100_000; i++) {
      assertEquals(Outcome.ACCEPTED, check(window, i % 50, i, T0 + i), "pair " + i);
      assertTrue(window.size() <= max, "size " + window.size() + " after " + i);
    }
    assertEquals(max, window.size());
    // The 99,000 oldest were evicted; the newest of them set the mark.
    assertEquals(T0 + 99_000 - 1, window.lowWaterMarkMillis());
  }

  @Test
  void checkAndRecord_shouldRejectEvictedReplayWhenBelowLowWaterMark() {
    ReplayWindow window = new ReplayWindow(RETENTION, 2);
    assertEquals(Outcome.ACCEPTED, check(window, 1, 1, T0 + 1));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 2, T0 + 2));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 3, T0 + 3)); // evicts (1, 1)
    assertEquals(2, window.size());
    assertEquals(T0 + 1, window.lowWaterMarkMillis());
    assertEquals(Outcome.BELOW_LOW_WATER_MARK, check(window, 1, 1, T0 + 1));
    // The price: an honest pair just as old is refused too; a newer one is fine.
    assertEquals(Outcome.BELOW_LOW_WATER_MARK, check(window, 2, 9, T0 + 1));
    assertEquals(Outcome.ACCEPTED, check(window, 2, 9, T0 + 4));
  }

  @Test
  void checkAndRecord_shouldEvictOldestTimestampWhenPairsArriveOutOfOrder() {
    ReplayWindow window = new ReplayWindow(RETENTION, 2);
    assertEquals(Outcome.ACCEPTED, check(window, 1, 1, T0 + 5));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 2, T0 - 5)); // older, arrives later
    assertEquals(Outcome.ACCEPTED, check(window, 1, 3, T0));
    assertEquals(T0 - 5, window.lowWaterMarkMillis());
    assertEquals(Outcome.DUPLICATE, check(window, 1, 1, T0 + 5));
  }

  @Test
  void checkAndRecord_shouldEvictNewcomerWhenItIsOldestOfFullWindow() {
    ReplayWindow window = new ReplayWindow(RETENTION, 1);
    assertEquals(Outcome.ACCEPTED, check(window, 1, 1, T0));
    assertEquals(Outcome.ACCEPTED, check(window, 1, 2, T0 - 10));
    assertEquals(T0 - 10, window.lowWaterMarkMillis());
    assertEquals(Outcome.BELOW_LOW_WATER_MARK, check(window, 1, 2, T0 - 10));
    assertEquals(Outcome.DUPLICATE, check(window, 1, 1, T0));
  }

  @Test
  void checkAndRecord_shouldNeverAcceptReplayWhenTimeSizeAndClockVaryAtRandom() {
    Random random = new Random(20261122L);
    ReplayWindow window = new ReplayWindow(Duration.ofMillis(200), 64);
    // A replay repeats the signed timestamp too; a request id may be reused once it is forgotten.
    Set<List<Long>> accepted = new HashSet<>();
    List<long[]> history = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      // Mostly forward, sometimes stepped back, as a real clock under NTP can be.
      clock.set(clock.instant().plusMillis(random.nextInt(100) == 0 ? -100 : random.nextInt(10)));
      long[] pair = random.nextInt(3) == 0 && !history.isEmpty()
          ? history.get(random.nextInt(history.size()))
          : new long[] {random.nextInt(8), random.nextInt(20_000), clock.millis() + random.nextInt(400) - 200};
      Outcome outcome = check(window, (int) pair[0], pair[1], pair[2]);
      if (outcome == Outcome.ACCEPTED) {
        List<Long> envelope = List.of(pair[0], pair[1], pair[2]);
        assertTrue(accepted.add(envelope), "envelope accepted twice: " + envelope);
        history.add(pair);
      }
      assertTrue(window.size() <= 64);
    }
    assertTrue(accepted.size() > 1_000, "the test must accept many pairs: " + accepted.size());
  }

  @Test
  void checkAndRecord_shouldStayCorrectWhenRequestIdsCollideInHashCode() {
    ReplayWindow window = new ReplayWindow(RETENTION, 100_000);
    // Long.hashCode((i << 32) | i) == 0 for every i: one HashMap bucket for all of them.
    for (long i = 0; i < 20_000; i++) {
      assertEquals(0, Long.hashCode(i << 32 | i));
      assertEquals(Outcome.ACCEPTED, check(window, 1, i << 32 | i, T0));
    }
    for (long i = 0; i < 20_000; i++) {
      assertEquals(Outcome.DUPLICATE, check(window, 1, i << 32 | i, T0));
    }
    assertNotEquals(Outcome.DUPLICATE, check(window, 1, 20_000L << 32, T0));
  }

  @Test
  void constructor_shouldThrowWhenBoundsAreNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(Duration.ZERO, 10));
    assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(Duration.ofSeconds(-1), 10));
    assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(RETENTION, 0));
  }

  @Test
  void checkAndRecord_shouldThrowWhenSenderIdIsNot32Bytes() {
    ReplayWindow window = new ReplayWindow(RETENTION, 10);
    assertThrows(IllegalArgumentException.class, () -> window.checkAndRecord(new byte[31], 1, T0, T0));
  }
}
