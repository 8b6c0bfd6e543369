package io.kadence.cli.shell;

import io.kadence.cli.option.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code exit} (or {@code quit}, or Ctrl-D) in the shell: leaves the shell, not the network. */
@Command(name = "exit", aliases = "quit",
    description = "Leave the shell; the peer keeps running (except under local-net).")
public final class ExitCommand implements Runnable {
  @Mixin
  private HelpOption help;

  private final Runnable onExit;

  /** An exit command that calls {@code onExit}. */
  public ExitCommand(Runnable onExit) {
    this.onExit = onExit;
  }

  @Override
  public void run() {
    onExit.run();
  }
}
