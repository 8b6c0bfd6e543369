package io.kadence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files of a multi-JVM run: emptying a run dir before it is reused. */
final class RunFiles {
  private RunFiles() {}

  /** Deletes {@code dir} and everything in it, if it exists. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the run dir " + dir.toAbsolutePath()
          + " of an earlier run: " + e.getMessage(), e);
    }
  }

  /** Whether {@code dir} is a directory with nothing in it. */
  static boolean isEmptyDir(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
