package io.kadence.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion in the shell, from the picocli model of its commands: the command names as
 * the first word, then that command's options ({@code help} completes command names).
 */
public final class ShellCompleter {
  private ShellCompleter() {}

  /** The completer for the commands of {@code shell}. */
  public static Completer of(CommandLine shell) {
    Map<String, CommandLine> commands = shell.getSubcommands();
    List<Completer> perCommand = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
      List<String> words = new ArrayList<>();
      if (e.getKey().equals("help")) {
        words.addAll(commands.keySet());
      }
      for (OptionSpec option : e.getValue().getCommandSpec().options()) {
        if (!option.hidden()) {
          words.add(option.longestName());
        }
      }
      perCommand.add(new ArgumentCompleter(new StringsCompleter(e.getKey()),
          new StringsCompleter(words)));
    }
    perCommand.add(new ArgumentCompleter(new StringsCompleter(commands.keySet())));
    return new AggregateCompleter(perCommand);
  }
}
