package io.kadence.cli.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.CliException;
import io.kadence.cli.ErrorReporter;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.format.Text;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The interactive shell on one peer (DESIGN.md, "Interfaces"): a JLine line reader with history
 * and completion, each line run by a fresh picocli {@link CommandLine} of {@link ShellCommands},
 * whose {@code --node} (and {@code leave}'s {@code --data-dir}) default to this shell's peer. An
 * error prints one line and the shell goes on; Ctrl-C cancels the line or the running command;
 * {@code exit} or Ctrl-D ends the shell.
 */
public final class Shell {
  private static final String PROMPT = "kadence> ";

  private final Terminal terminal;
  private final URI node;
  private final Path dataDir;
  private final Path historyFile;
  private boolean exitRequested;

  /**
   * A shell on the peer whose HTTP API is at {@code node}.
   *
   * @param dataDir the peer's data dir (for {@code leave}'s admin token), or null for the default
   * @param historyFile where the line history is kept across sessions
   */
  public Shell(Terminal terminal, URI node, Path dataDir, Path historyFile) {
    this.terminal = terminal;
    this.node = node;
    this.dataDir = dataDir;
    this.historyFile = historyFile;
  }

  /** Reads and runs lines until {@code exit} or the end of the input. */
  public void run() {
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("kadence")
        .completer(ShellCompleter.of(commandLine()))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .build();
    PrintWriter out = terminal.writer();
    greet(out);
    Thread shellThread = Thread.currentThread();
    terminal.handle(Terminal.Signal.INT, signal -> shellThread.interrupt());
    while (!exitRequested) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      List<String> words = reader.getParsedLine().words().stream()
          .filter(w -> !w.isEmpty()).toList();
      if (!words.isEmpty() && !line.isBlank()) {
        execute(words);
      }
      Thread.interrupted(); // a Ctrl-C during the command must not cancel the next read
    }
    out.flush();
  }

  /** Runs one line's words as a command; returns its exit code. */
  int execute(List<String> words) {
    return commandLine().execute(words.toArray(String[]::new));
  }

  private CommandLine commandLine() {
    CommandLine commands = new CommandLine(new ShellCommands());
    commands.addSubcommand("exit", new ExitCommand(() -> exitRequested = true));
    PrintWriter out = terminal.writer();
    commands.setOut(out);
    commands.setErr(out);
    commands.setDefaultValueProvider(arg -> {
      if (arg instanceof OptionSpec option && option.longestName().equals("--node")) {
        return node.toString();
      }
      if (arg instanceof OptionSpec option && option.longestName().equals("--data-dir")
          && dataDir != null) {
        return dataDir.toString();
      }
      return null;
    });
    return ErrorReporter.forShell().install(commands);
  }

  private void greet(PrintWriter out) {
    NodeClient client = new NodeClient(node, Duration.ofSeconds(2), Duration.ofSeconds(5));
    try {
      JsonNode info = client.get("/v1/node");
      out.printf("connected to %s: node %s at %s, %s%n", node,
          Text.shortId(info.path("id").asText()), info.path("address").asText(),
          info.path("state").asText());
    } catch (CliException e) {
      out.println("warning: " + e.getMessage() + "; commands fail until it answers");
    }
    out.println("type 'help' for the commands, 'exit' or Ctrl-D to leave the shell");
    out.flush();
  }
}
