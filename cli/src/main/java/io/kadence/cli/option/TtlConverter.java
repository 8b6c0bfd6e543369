package io.kadence.cli.option;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A record's time to live: a positive whole number of seconds, or one with a unit {@code s},
 * {@code m}, {@code h} or {@code d} ({@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}). The
 * peer caps it at its {@code max-ttl} and says so.
 */
public final class TtlConverter implements ITypeConverter<Duration> {
  private static final Pattern TTL = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

  @Override
  public Duration convert(String value) {
    Matcher m = TTL.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value
          + "' is not a ttl; write seconds or a number with s, m, h or d, e.g. 90s, 10m, 2h");
    }
    long amount = Long.parseLong(m.group(1));
    if (amount == 0) {
      throw new TypeConversionException("ttl must be positive, got '" + value + "'");
    }
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
