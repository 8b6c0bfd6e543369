package io.kadence.dht.record;

import java.time.Duration;
import java.util.Objects;

/**
 * What a storing node accepts in a record: the policy {@link RecordValidator} and
 * {@link KeyRecords} enforce. The node reads its values from {@code reference.conf}; the
 * defaults are {@link #DEFAULTS}.
 *
 * @param maxValueBytes largest value accepted, in bytes
 * @param minTtl shortest TTL accepted; positive
 * @param maxTtl longest TTL accepted; at least {@code minTtl}
 * @param maxClockSkew how far in the future of the storing node's clock a creation time may lie
 * @param maxPublishersPerKey how many publishers' records one key may hold at once (a quota)
 */
public record RecordLimits(int maxValueBytes, Duration minTtl, Duration maxTtl,
    Duration maxClockSkew, int maxPublishersPerKey) {

  /**
   * The defaults.
   *
   * <ul>
   *   <li>value: 64 KiB. BEP 44 allows 1,000 bytes to fit one UDP datagram; Kadence's messages
   *       travel over a stream transport, and 64 KiB keeps a full FIND_VALUE reply (16 of them)
   *       near 1 MiB.
   *   <li>TTL: 1 s to 48 h. The Kademlia paper (section 2.5) expires a value 24 h after
   *       publication unless the publisher republishes it every 24 h; 48 h lets a record
   *       survive one missed republish, and no longer, so a departed publisher's data fades.
   *       1 s only rules out records that would expire before they crossed the network.
   *   <li>clock skew: 1 minute, generous for NTP-synchronised hosts.
   *   <li>publishers per key: 16, so one key holds at most 16 x 64 KiB = 1 MiB however many
   *       identities an attacker creates.
   * </ul>
   */
  public static final RecordLimits DEFAULTS = new RecordLimits(64 * 1024, Duration.ofSeconds(1),
      Duration.ofHours(48), Duration.ofMinutes(1), 16);

  /** Checks that the limits are consistent. */
  public RecordLimits {
    Objects.requireNonNull(minTtl, "minTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (maxValueBytes < 0) {
      throw new IllegalArgumentException("maxValueBytes must be >= 0: " + maxValueBytes);
    }
    if (minTtl.isNegative() || minTtl.isZero()) {
      throw new IllegalArgumentException("minTtl must be positive: " + minTtl);
    }
    if (maxTtl.compareTo(minTtl) < 0) {
      throw new IllegalArgumentException("maxTtl " + maxTtl + " is below minTtl " + minTtl);
    }
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("maxClockSkew must be >= 0: " + maxClockSkew);
    }
    if (maxPublishersPerKey < 1) {
      throw new IllegalArgumentException("maxPublishersPerKey must be >= 1: " + maxPublishersPerKey);
    }
  }
}
