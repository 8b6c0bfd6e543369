package io.kadence.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure of a command into one line on stderr and an exit code: usage errors give
 * {@link ExitCodes#USAGE} with a pointer to the help, a {@link CliException} its own code, and
 * anything else {@link ExitCodes#FAILURE}. The same reporter serves the command line and the
 * shell; only the pointer to the help differs.
 */
public final class ErrorReporter implements IParameterExceptionHandler,
    IExecutionExceptionHandler {
  private final Function<CommandSpec, String> helpHint;

  private ErrorReporter(Function<CommandSpec, String> helpHint) {
    this.helpHint = helpHint;
  }

  /** For {@code kadence ...}: points to {@code kadence <command> --help}. */
  public static ErrorReporter forCommandLine() {
    return new ErrorReporter(spec -> "see '" + spec.qualifiedName() + " --help'");
  }

  /** For the shell: points to {@code help <command>}. */
  public static ErrorReporter forShell() {
    return new ErrorReporter(spec -> spec.parent() == null
        ? "type 'help' for the commands" : "see 'help " + spec.name() + "'");
  }

  /** Installs this reporter as both handlers of {@code commandLine}. */
  public CommandLine install(CommandLine commandLine) {
    commandLine.setParameterExceptionHandler(this);
    commandLine.setExecutionExceptionHandler(this);
    return commandLine;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + oneLine(describe(ex)) + " (" + helpHint.apply(cmd.getCommandSpec())
        + ")");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    cmd.getOut().flush();
    if (ex instanceof CliException failure) {
      err.println("error: " + oneLine(failure.getMessage()));
      err.flush();
      return failure.exitCode();
    }
    err.println("error: " + oneLine(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static String describe(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return ex.getMessage();
    }
    String first = unmatched.getUnmatched().get(0);
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    String what;
    if (unmatched.isUnknownOption()) {
      what = "unknown option '" + first + "'";
    } else if (!spec.subcommands().isEmpty()) {
      what = "unknown command '" + first + "'";
    } else {
      what = "unexpected argument '" + first + "'";
    }
    List<String> suggestions = unmatched.getSuggestions();
    if (suggestions.isEmpty()) {
      return what;
    }
    return what + "; did you mean " + String.join(" or ",
        suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
  }

  private static String oneLine(String message) {
    return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
