package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
  @TempDir
  Path dir;

  @Test
  void archivePath_shouldBeNoneWhenTheClassPathHasADirectory() throws Exception {
    Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
    Path classes = Files.createDirectory(dir.resolve("classes"));
    PeerLauncher launcher = launcher(jar + File.pathSeparator + classes);
    assertEquals(Optional.empty(), ClassArchive.archivePath(launcher, dir.resolve("cache")));
  }

  @Test
  void archivePath_shouldBeNoneWhenAJarIsMissing() {
    PeerLauncher launcher = launcher(dir.resolve("gone.jar").toString());
    assertEquals(Optional.empty(), ClassArchive.archivePath(launcher, dir.resolve("cache")));
  }

  @Test
  void archivePath_shouldChangeWithTheJarsAndTheJvmFlags() throws Exception {
    Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
    Path cache = dir.resolve("cache");
    Path first = ClassArchive.archivePath(launcher(jar.toString()), cache).orElseThrow();
    assertEquals(cache, first.getParent());
    assertTrue(first.getFileName().toString().matches("peers-[0-9a-f]{16}\\.jsa"), first::toString);
    assertEquals(first, ClassArchive.archivePath(launcher(jar.toString()), cache).orElseThrow());

    assertNotEquals(first, ClassArchive.archivePath(launcher(jar.toString()).withLean(true), cache)
        .orElseThrow(), "lean peers run other JVM flags");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
    assertNotEquals(first, ClassArchive.archivePath(launcher(jar.toString()), cache).orElseThrow(),
        "a rebuilt jar needs a new archive");
  }

  @Test
  void prepare_withDirectoriesOnTheClassPath_shouldLeaveTheLauncherAsItIsAndSayNothing()
      throws Exception {
    PeerLauncher launcher = launcher(Files.createDirectory(dir.resolve("classes")).toString());
    StringWriter out = new StringWriter();
    assertEquals(launcher, ClassArchive.prepare(launcher, dir, new PrintWriter(out)));
    assertEquals("", out.toString());
  }

  @Test
  void prepare_whenTheTrainingPeerCannotStart_shouldSayWhyAndLeaveTheLauncherAsItIs()
      throws Exception {
    Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1});
    // A java that is not there: the training peer fails to start, as a broken JDK would.
    PeerLauncher launcher = new PeerLauncher(dir.resolve("no-java").toString(), jar.toString(),
        false, null);
    StringWriter out = new StringWriter();
    assertEquals(launcher, ClassArchive.prepare(launcher, dir, new PrintWriter(out)));
    assertTrue(out.toString().contains("preparing the peers' class-data archive"), out::toString);
    assertTrue(out.toString().contains("peers start without a class-data archive: "),
        out::toString);
    Path archive = ClassArchive.archivePath(launcher, ClassArchive.cacheDir()).orElseThrow();
    assertFalse(Files.exists(archive), "no archive, not even an empty one: " + archive);
  }

  private static PeerLauncher launcher(String classPath) {
    return new PeerLauncher("/jdk/bin/java", classPath, false, null);
  }
}
