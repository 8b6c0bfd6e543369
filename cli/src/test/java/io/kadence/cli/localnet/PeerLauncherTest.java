package io.kadence.cli.localnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerLauncherTest {
  @Test
  void command_shouldRunMainNodeWithSmallJvmFlagsManagedByThisProcess() {
    PeerSpec peer = PeerSpec.plan(1, 7400, Path.of("/net")).get(0);
    List<String> command = new PeerLauncher("/jdk/bin/java", "a.jar:b.jar", false, null).command(peer);
    assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "io.kadence.cli.Main",
        "node", "--host", "127.0.0.1",
        "--port", "7400", "--http-port", "7480", "--data-dir", "/net/peer-0", "--managed-by",
        Long.toString(ProcessHandle.current().pid())), command);
  }

  @Test
  void command_whenLean_shouldUseTheLeanJvmFlagsAndRunNodeLean() {
    PeerSpec peer = PeerSpec.plan(2, 7400, Path.of("/net")).get(1);
    List<String> command = new PeerLauncher("/jdk/bin/java", "a.jar", true, null).command(peer);
    assertEquals(PeerLauncher.LEAN_JVM_FLAGS, command.subList(1, 1 + PeerLauncher.LEAN_JVM_FLAGS
        .size()));
    assertTrue(command.contains("-Xmx128m"), command::toString);
    assertEquals(List.of("--bootstrap", "127.0.0.1:7400", "--lean", "--managed-by"),
        command.subList(command.size() - 5, command.size() - 1));
  }

  @Test
  void command_withAClassArchive_shouldMapItAfterTheJvmFlags() {
    PeerSpec peer = PeerSpec.plan(1, 7400, Path.of("/net")).get(0);
    List<String> command = new PeerLauncher("/jdk/bin/java", "a.jar", false, null)
        .withClassArchive(Path.of("/cache/peers.jsa")).command(peer);
    assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1",
        "-XX:SharedArchiveFile=/cache/peers.jsa", "io.kadence.cli.Main"), command.subList(0, 7));
  }

  @Test
  void ofThisJvm_shouldUseAJavaThatExistsAndThisClassPath() {
    PeerLauncher launcher = PeerLauncher.ofThisJvm();
    assertTrue(Files.isExecutable(Path.of(launcher.java())), launcher.java());
    assertEquals(System.getProperty("java.class.path"), launcher.classPath());
  }
}
