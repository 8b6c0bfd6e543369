package io.kadence.cli.bench;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The picocli converters of {@code kadence bench}'s own flag values. */
public final class BenchConverters {
  private BenchConverters() {}

  /** {@code --phase NAME[:inflight=N][,count=N][,duration=D]}. */
  public static final class Phase implements ITypeConverter<PhaseSpec> {
    @Override
    public PhaseSpec convert(String value) {
      try {
        return PhaseSpec.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --timeout 10s}, {@code 500ms}, {@code 2m}. */
  public static final class Timeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
