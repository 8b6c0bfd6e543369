package io.kadence.cli.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * One phase of a {@code kadence bench} run, as {@code --phase NAME[:inflight=N][,count=N]
 * [,duration=D]} gives it (docs/CLI.md, "kadence bench").
 *
 * @param kind what the phase does
 * @param inflight how many operations are outstanding at once, at least 1
 * @param count how many operations, or 0 for the default (a put phase: {@code --keys}; a get
 *     phase: every recorded key once, or as many as {@code duration} allows)
 * @param duration how long to keep going, or null for no time limit; with {@code count} too,
 *     the phase ends at whichever comes first
 */
public record PhaseSpec(Kind kind, int inflight, int count, Duration duration) {
  /** What a phase does. */
  public enum Kind {
    /** Put fresh keys, key i through peer i mod N; acknowledged ones are recorded. */
    PUT("put"),
    /** As {@link #PUT}, with another fresh set of keys. */
    PUT_NEW("put-new"),
    /** Get recorded keys through a peer other than the one that stored them. */
    GET("get");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name on the command line and in the output. */
    public String label() {
      return label;
    }

    /** True for the phases that put new keys. */
    public boolean puts() {
      return this != GET;
    }

    static Kind of(String name) {
      for (Kind kind : values()) {
        if (kind.label.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown phase '" + name + "'; the phases are put, "
          + "put-new and get");
    }
  }

  /** Most operations in flight: well above what two cores keep busy. */
  public static final int MAX_INFLIGHT = 4096;

  /** The default phases: {@code put:inflight=1} then {@code get:inflight=1}. */
  public static final java.util.List<PhaseSpec> DEFAULTS = java.util.List.of(
      new PhaseSpec(Kind.PUT, 1, 0, null), new PhaseSpec(Kind.GET, 1, 0, null));

  /** The phase's name as written on the command line. */
  public String name() {
    return kind.label();
  }

  /**
   * Parses {@code NAME[:inflight=N][,count=N][,duration=D]}.
   *
   * @throws IllegalArgumentException saying what is wrong, for a usage error
   */
  public static PhaseSpec parse(String text) {
    String spec = text.strip();
    int colon = spec.indexOf(':');
    Kind kind = Kind.of(colon < 0 ? spec : spec.substring(0, colon));
    int inflight = 1;
    int count = 0;
    Duration duration = null;
    if (colon >= 0) {
      for (String option : spec.substring(colon + 1).split(",", -1)) {
        int eq = option.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("'" + option + "' in phase '" + text + "' is not "
              + "NAME=VALUE; write e.g. get:inflight=64,count=1000,duration=30s");
        }
        String name = option.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = option.substring(eq + 1).strip();
        switch (name) {
          case "inflight" -> inflight = positive(name, value, MAX_INFLIGHT, text);
          case "count" -> count = positive(name, value, Integer.MAX_VALUE, text);
          case "duration" -> duration = Durations.parse(value);
          default -> throw new IllegalArgumentException("unknown setting '" + name
              + "' in phase '" + text + "'; the settings are inflight, count and duration");
        }
      }
    }
    return new PhaseSpec(kind, inflight, count, duration);
  }

  private static int positive(String name, String value, int max, String text) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number 1.." + max
        + " in phase '" + text + "', got '" + value + "'");
  }

  /** The spec as it would be written on the command line. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name()).append(":inflight=").append(inflight);
    if (count > 0) {
      text.append(",count=").append(count);
    }
    if (duration != null) {
      text.append(",duration=").append(Durations.format(duration));
    }
    return text.toString();
  }
}
