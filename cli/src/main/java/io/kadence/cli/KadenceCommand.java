package io.kadence.cli;

import io.kadence.cli.command.BenchCommand;
import io.kadence.cli.command.GetCommand;
import io.kadence.cli.command.InfoCommand;
import io.kadence.cli.command.KeygenCommand;
import io.kadence.cli.command.LeaveCommand;
import io.kadence.cli.command.LocalNetCommand;
import io.kadence.cli.command.LookupCommand;
import io.kadence.cli.command.MembersCommand;
import io.kadence.cli.command.NodeCommand;
import io.kadence.cli.command.PeersCommand;
import io.kadence.cli.command.PutCommand;
import io.kadence.cli.command.ShellCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code kadence} command: lists the subcommands, each one class (STYLE.md). */
@Command(
    name = "kadence",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A Kademlia distributed hash table peer for the JVM, and the tools to use it.",
    subcommands = {
        NodeCommand.class, LocalNetCommand.class, ShellCommand.class,
        PutCommand.class, GetCommand.class, LookupCommand.class, PeersCommand.class,
        MembersCommand.class, InfoCommand.class, LeaveCommand.class,
        KeygenCommand.class, BenchCommand.class, HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  other failure (node failed to start, HTTP 401 or 500, key file exists,",
        "     bench reached no peer)",
        "  2  bad input or usage (unknown option, bad value, HTTP 400, missing file)",
        "  3  not found (no record for the key)",
        "  4  node unreachable (connection refused, timeout, unknown host)",
        "  5  node unavailable (quorum not reached, node starting or leaving)",
        "",
        "Client commands talk to --node (default " + Defaults.NODE_URL
            + ", or $KADENCE_NODE)."})
public final class KadenceCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  /** With no subcommand, shows the usage on stderr: a command was expected. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
