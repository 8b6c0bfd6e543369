package io.kadence.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand (STYLE.md rule 4: no wall clock in crypto). */
public final class MutableClock extends Clock {
  private Instant now;

  /** A clock showing {@code epochMillis}. */
  public MutableClock(long epochMillis) {
    this.now = Instant.ofEpochMilli(epochMillis);
  }

  /** Moves the clock by {@code amount}, which may be negative (a clock stepped back). */
  public void advance(Duration amount) {
    now = now.plus(amount);
  }

  /** Sets the clock to {@code epochMillis}. */
  public void setMillis(long epochMillis) {
    now = Instant.ofEpochMilli(epochMillis);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
