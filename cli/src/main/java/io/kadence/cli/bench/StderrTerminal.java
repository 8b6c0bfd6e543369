package io.kadence.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process's stderr is a terminal, where a progress bar belongs. */
public final class StderrTerminal {
  private StderrTerminal() {}

  /**
   * True if stderr is a terminal: on Linux, if {@code /proc/self/fd/2} is a tty or pty device;
   * elsewhere, if the JVM has a console (stdin and stdout are terminals).
   */
  public static boolean isTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
