package io.kadence.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code kadence} command (DESIGN.md, "Interfaces"): parses the command line
 * with picocli and exits with the code the command chose ({@link ExitCodes}).
 */
public final class Main {
  private Main() {}

  /** Runs {@code kadence <args>} and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The {@code kadence} command line, with its error reporting; tests drive it directly. */
  public static CommandLine commandLine() {
    return ErrorReporter.forCommandLine().install(new CommandLine(new KadenceCommand()));
  }
}
