package io.kadence.cli.option;

import picocli.CommandLine.Option;

/** The {@code -h, --help} option every subcommand offers (a picocli mixin). */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;
}
