package io.kadence.crypto.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that stands still until a test moves it, so that time-driven protocol rules
 * (bucket refresh, Kademlia section 2.3; expiry and republish) are tested without waiting.
 */
public final class ManualClock extends Clock {
  private Instant now;
  private final ZoneId zone;

  /** A clock at {@code start}, in UTC. */
  public ManualClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private ManualClock(Instant start, ZoneId zone) {
    this.now = Objects.requireNonNull(start, "start");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Moves the clock forward by {@code step} (which must not be negative). */
  public void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock does not run backwards: " + step);
    }
    now = now.plus(step);
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A clock with another zone; it does not follow this one when this one is moved. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new ManualClock(now, zone);
  }
}
