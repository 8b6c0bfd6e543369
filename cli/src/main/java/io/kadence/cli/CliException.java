package io.kadence.cli;

/**
 * A failure a command reports as one line on stderr with a chosen exit code (see
 * {@link ExitCodes}); never a stack trace.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  /** A failure with a message a person can act on, and the exit code that classifies it. */
  public CliException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  /** As {@link #CliException(int, String)}, keeping the cause for debugging. */
  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code this failure maps to. */
  public int exitCode() {
    return exitCode;
  }
}
