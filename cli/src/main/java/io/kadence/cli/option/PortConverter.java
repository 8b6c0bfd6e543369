package io.kadence.cli.option;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A TCP port flag: 0 (any free port) to 65535. */
public final class PortConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int port;
    try {
      port = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a port number");
    }
    if (port < 0 || port > 65535) {
      throw new TypeConversionException("port must be 0..65535, got " + port);
    }
    return port;
  }
}
