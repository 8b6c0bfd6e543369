package io.kadence.cli.command;

import io.kadence.cli.CliException;
import io.kadence.cli.Defaults;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.option.HelpOption;
import io.kadence.cli.option.NodeUrlConverter;
import io.kadence.cli.shell.Shell;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kadence shell}: the interactive shell on a running peer ({@link Shell}). */
@Command(name = "shell", description = {"Open an interactive shell on a running peer.",
    "Commands: put, get, lookup, peers, members, info, leave, help, exit."})
public final class ShellCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Option(names = "--node", paramLabel = "URL", defaultValue = Defaults.NODE_URL_DEFAULT,
      converter = NodeUrlConverter.class,
      description = "The peer's HTTP API (default: ${DEFAULT-VALUE}; env KADENCE_NODE).")
  private URI node;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The peer's data dir, whose admin token 'leave' sends "
          + "(default: ./kadence-data).")
  private Path dataDir;

  @Option(names = "--history", paramLabel = "FILE",
      description = "The shell's history file (default: ~/.kadence_history).")
  private Path history;

  @Override
  public Integer call() {
    open(node, dataDir, history);
    return ExitCodes.OK;
  }

  /** Opens a shell on the system terminal (a dumb one if there is none, e.g. piped input). */
  public static void open(URI node, Path dataDir, Path history) {
    Path historyFile = history != null ? history
        : Path.of(System.getProperty("user.home"), ".kadence_history");
    try (Terminal terminal = TerminalBuilder.builder().name("kadence").system(true).dumb(true)
        .build()) {
      new Shell(terminal, node, dataDir, historyFile).run();
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot open the terminal: " + e.getMessage(), e);
    }
  }
}
