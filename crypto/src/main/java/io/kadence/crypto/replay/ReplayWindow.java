package io.kadence.crypto.replay;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Remembers which (sender, request id) pairs were accepted, so that a captured envelope cannot be
 * delivered twice (DESIGN.md, "Identity, signatures and the wire": a replayed pair is rejected).
 *
 * <p>Bounded in time: a pair whose timestamp is older than {@code retention} before now is
 * forgotten, because the freshness check in front of this window rejects such envelopes anyway.
 * Bounded in size: past {@code maxEntries}, the oldest pair is forgotten.
 *
 * <p>Safety does not depend on either bound, nor on the clock moving forward: forgetting a pair
 * raises a low-water mark to at least its timestamp, and any pair with a timestamp at or below
 * the mark is refused. So an envelope accepted once is never accepted again: a replay repeats
 * its signed timestamp, which is either still remembered with its pair or at or below the mark.
 * (A sender may reuse a request id once the window has forgotten it.) The price is paid only
 * under a flood (or a clock stepped back): honest envelopes at or below the mark are refused as
 * too old, so size {@code maxEntries} above the accepted rate times the retention.
 *
 * <p>Costs O(log n) per check. Keys compare as well as hash, so an authenticated peer that picks
 * request ids with colliding hash codes degrades one bucket to a tree, not to a list.
 *
 * <p>Not thread-safe: owned by one actor (the peer endpoint), or guarded by its caller.
 */
public final class ReplayWindow {
  /** What {@link #checkAndRecord} decided. */
  public enum Outcome {
    /** Not seen before: now recorded. */
    ACCEPTED,
    /** The same sender and request id is already in the window. */
    DUPLICATE,
    /** At or below the low-water mark: possibly a replay of a forgotten pair. */
    BELOW_LOW_WATER_MARK
  }

  private record Key(long a, long b, long c, long d, long requestId) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::a)
        .thenComparingLong(Key::b).thenComparingLong(Key::c).thenComparingLong(Key::d)
        .thenComparingLong(Key::requestId);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private record Entry(long timestampMillis, Key key) {}

  /** Bytes of a sender identifier: a node ID. */
  public static final int SENDER_ID_BYTES = 32;

  private final long retentionMillis;
  private final int maxEntries;
  private final Set<Key> seen = new HashSet<>();
  private final PriorityQueue<Entry> byAge =
      new PriorityQueue<>(Comparator.comparingLong(Entry::timestampMillis));
  private long lowWaterMark = Long.MIN_VALUE;

  /**
   * A window that keeps pairs for {@code retention} (at least the verifier's freshness window)
   * and at most {@code maxEntries} of them.
   */
  public ReplayWindow(Duration retention, int maxEntries) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.retentionMillis = retention.toMillis();
    this.maxEntries = maxEntries;
  }

  /**
   * Records the pair unless it was seen or may have been forgotten.
   *
   * @param senderId the sender's 32-byte node ID
   * @param requestId the envelope's request id
   * @param timestampMillis the envelope's (already freshness-checked) timestamp
   * @param nowMillis the verifier's current time, used to forget old pairs
   */
  public Outcome checkAndRecord(byte[] senderId, long requestId, long timestampMillis, long nowMillis) {
    // Saturate rather than wrap for a clock near Long.MIN_VALUE.
    forgetOlderThan(
        nowMillis < Long.MIN_VALUE + retentionMillis ? Long.MIN_VALUE : nowMillis - retentionMillis);
    if (timestampMillis <= lowWaterMark) {
      return Outcome.BELOW_LOW_WATER_MARK;
    }
    Key key = keyOf(senderId, requestId);
    if (!seen.add(key)) {
      return Outcome.DUPLICATE;
    }
    byAge.add(new Entry(timestampMillis, key));
    while (seen.size() > maxEntries) {
      forget(byAge.poll());
    }
    return Outcome.ACCEPTED;
  }

  /** Pairs currently remembered. */
  public int size() {
    return seen.size();
  }

  /** The highest timestamp forgotten so far; {@link Long#MIN_VALUE} if none. */
  public long lowWaterMarkMillis() {
    return lowWaterMark;
  }

  /** How long pairs are kept, in milliseconds. */
  public long retentionMillis() {
    return retentionMillis;
  }

  private void forgetOlderThan(long cutoffMillis) {
    while (!byAge.isEmpty() && byAge.peek().timestampMillis() < cutoffMillis) {
      forget(byAge.poll());
    }
  }

  private void forget(Entry entry) {
    seen.remove(entry.key());
    lowWaterMark = Math.max(lowWaterMark, entry.timestampMillis());
  }

  private static Key keyOf(byte[] senderId, long requestId) {
    if (senderId == null || senderId.length != SENDER_ID_BYTES) {
      throw new IllegalArgumentException("senderId must be " + SENDER_ID_BYTES + " bytes");
    }
    ByteBuffer id = ByteBuffer.wrap(senderId);
    return new Key(id.getLong(), id.getLong(), id.getLong(), id.getLong(), requestId);
  }
}
