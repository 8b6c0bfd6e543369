package io.kadence.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code kadence <args>} in this JVM with captured stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {
  /** Runs the command line as {@link Main} would, without exiting the JVM. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The stderr output, for assertion messages. */
  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
