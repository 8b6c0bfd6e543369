package io.kadence.cli;

/**
 * The exit codes of the {@code kadence} command, one per kind of failure so that scripts can
 * tell them apart (documented in docs/CLI.md). Usage errors keep picocli's default, 2.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** Any other failure: the node failed to start, the API answered 401 or 500, a bug. */
  public static final int FAILURE = 1;
  /** Bad input: unknown command or option, malformed value, HTTP 400, missing file. */
  public static final int USAGE = 2;
  /** No record for the key, and enough replicas answered to know (HTTP 404 {@code not_found}). */
  public static final int NOT_FOUND = 3;
  /** The node did not answer: connection refused, timed out, or unknown host. */
  public static final int UNREACHABLE = 4;
  /**
   * The node answered 503: too few replicas stored a put, a get heard from too few replicas to
   * say the key does not exist, or the node is starting or leaving.
   */
  public static final int UNAVAILABLE = 5;

  private ExitCodes() {}
}
