package io.kadence.cli.localnet;

import io.kadence.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The peers' class-data archive (JDK application class-data sharing, dynamic archive): the
 * classes a peer loads, parsed and verified once and written to a file that every peer JVM
 * maps instead of loading them again. Measured on one lean peer (docs/BENCHMARKS.md): 2.3 s
 * of CPU from start to serving without it, 1.4 s with it; and the mapped pages are shared by
 * all peer processes of a local network. Pekko, Scala, pekko-http and H2 are about ten
 * thousand classes: it matters when dozens of peers start on two cores.
 *
 * <p>The JDK has no ready-made archive of our classes and JDK 17 cannot create one on demand
 * ({@code -XX:+AutoCreateSharedArchive} is JDK 19), so it is made here: once per build, JDK
 * and peer JVM flags, by a training peer that starts alone, serves, and stops with
 * {@code -XX:ArchiveClassesAtExit}. The archive is kept under {@code java.io.tmpdir}, named by
 * a hash of those inputs (class path entries with their sizes and times), so a rebuild makes a
 * new one. Archives hold classes of jar files only: when the class path has a directory (a
 * build's {@code target/classes}, as in tests) the peers simply start without one, as they do
 * when the training fails (said in one line; a peer without an archive works the same).
 */
public final class ClassArchive {
  private static final Duration TRAINING_BOUND = Duration.ofSeconds(90);
  private static final Duration TRAINING_EXIT = Duration.ofSeconds(30);
  private static final int KEEP = 3;

  private ClassArchive() {}

  /**
   * The launcher with its peers' class-data archive, made first if there is none yet for this
   * build; the launcher as it is if no archive can be made.
   *
   * @param workDir a directory for the training peer's data (deleted after)
   * @param progress where to say that an archive is being made, or why none could be
   */
  public static PeerLauncher prepare(PeerLauncher launcher, Path workDir, PrintWriter progress) {
    Optional<Path> archive = archivePath(launcher, cacheDir());
    if (archive.isEmpty()) {
      return launcher;
    }
    Path file = archive.get();
    if (isArchive(file)) {
      return launcher.withClassArchive(file);
    }
    progress.println("preparing the peers' class-data archive (once per build, a few seconds): "
        + file);
    progress.flush();
    try {
      train(launcher, file, workDir.resolve("class-archive-training"));
    } catch (CliException | IOException | UncheckedIOException e) {
      progress.println("peers start without a class-data archive: " + e.getMessage());
      progress.flush();
      return launcher;
    }
    prune(file.getParent());
    return launcher.withClassArchive(file);
  }

  /**
   * Where the archive of this launcher's peers belongs in {@code cacheDir}, or empty if its
   * class path is not all jar files.
   */
  static Optional<Path> archivePath(PeerLauncher launcher, Path cacheDir) {
    List<Path> entries = new ArrayList<>();
    for (String entry : launcher.classPath().split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.isEmpty() || !entry.endsWith(".jar") || !Files.isRegularFile(path)) {
        return Optional.empty();
      }
      entries.add(path);
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder()
        .append(launcher.java()).append('\n')
        .append(System.getProperty("java.vm.version")).append('\n')
        .append(String.join(" ", launcher.withClassArchive(null).jvmFlags())).append('\n');
    try {
      for (Path entry : entries) {
        key.append(entry.toAbsolutePath()).append(' ').append(Files.size(entry)).append(' ')
            .append(Files.getLastModifiedTime(entry).toMillis()).append('\n');
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(cacheDir.resolve("peers-" + sha256(key.toString()).substring(0, 16)
        + ".jsa"));
  }

  /** The directory archives are kept in: per user, under {@code java.io.tmpdir}. */
  static Path cacheDir() {
    return Path.of(System.getProperty("java.io.tmpdir"),
        "kadence-class-archives-" + System.getProperty("user.name"));
  }

  private static boolean isArchive(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a peer alone until it serves, stops it, and moves the archive it wrote to {@code file}. */
  private static void train(PeerLauncher launcher, Path file, Path dataDir) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid()
        + ".partial");
    PeerSpec spec = new PeerSpec(0, freePort(), freePort(), dataDir, null);
    PeerProcess peer = new PeerProcess(spec,
        launcher.start(spec, List.of("-XX:ArchiveClassesAtExit=" + partial)));
    try {
      peer.awaitServing(Instant.now().plus(TRAINING_BOUND));
      peer.stop(TRAINING_EXIT);
      if (!isArchive(partial)) {
        throw new IOException("the training peer wrote no archive (its log: " + spec.logFile()
            + ")");
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      deleteTree(dataDir);
    } finally {
      peer.stop(Duration.ofSeconds(5));
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Keeps the newest {@link #KEEP} archives: older builds' are of no use. Best effort: an
   * archive that cannot be deleted (another user's file, one in use elsewhere) stays.
   */
  private static void prune(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> archives = files
          .filter(f -> f.getFileName().toString().matches("peers-[0-9a-f]{16}\\.jsa"))
          .sorted(Comparator.comparing(ClassArchive::modified).reversed())
          .toList();
      for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException | UncheckedIOException e) {
      // left for the next prune
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(PeerSpec.HOST), 0));
      return socket.getLocalPort();
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
