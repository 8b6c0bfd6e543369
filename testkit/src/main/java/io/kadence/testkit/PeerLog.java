package io.kadence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The log file of one run of a child peer, as its parent reads it: searched for the ready line
 * from where the run's output starts (a restart appends to the log of earlier runs), reading
 * only what was written since the last look; and its last lines for failure messages. For one
 * thread at a time.
 */
final class PeerLog {
  private static final int TAIL_LINES = 25;

  private final Path log;
  /** How far the log has been read. */
  private long scanned;
  /** Output read after the last complete line. */
  private final StringBuilder partial = new StringBuilder();

  PeerLog(Path log, long start) {
    this.log = log;
    this.scanned = start;
  }

  /** The ready line, if the output read since the last call completes it. */
  Optional<PeerLine> readyLine() {
    try (FileChannel file = FileChannel.open(log, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      file.position(scanned);
      int read;
      while ((read = file.read(buffer)) > 0) {
        scanned += read;
        partial.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        buffer.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
    int end;
    while ((end = partial.indexOf("\n")) >= 0) {
      Optional<PeerLine> ready = PeerLine.parse(partial.substring(0, end));
      partial.delete(0, end + 1);
      if (ready.isPresent()) {
        return ready;
      }
    }
    return Optional.empty();
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    try {
      List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
          .toList();
      return String.join(System.lineSeparator(),
          lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
