package io.kadence.cli.shell;

import io.kadence.cli.command.GetCommand;
import io.kadence.cli.command.InfoCommand;
import io.kadence.cli.command.LeaveCommand;
import io.kadence.cli.command.LookupCommand;
import io.kadence.cli.command.MembersCommand;
import io.kadence.cli.command.PeersCommand;
import io.kadence.cli.command.PutCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The commands of the shell: the same picocli classes as the one-shot commands, so a line in
 * the shell prints what {@code kadence <line>} prints (and their help reads {@code kadence put}
 * too). The shell adds {@code exit} itself.
 */
@Command(name = "kadence", synopsisHeading = "",
    customSynopsis = "Type a command and its arguments; 'help <command>' explains one.",
    commandListHeading = "%nCommands:%n",
    subcommands = {
        PutCommand.class, GetCommand.class, LookupCommand.class, PeersCommand.class,
        MembersCommand.class, InfoCommand.class, LeaveCommand.class, HelpCommand.class})
public final class ShellCommands implements Runnable {
  /** A line with no command does nothing. */
  @Override
  public void run() {
    // nothing to do: the shell reads the next line
  }
}
