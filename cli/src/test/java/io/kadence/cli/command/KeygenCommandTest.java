package io.kadence.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.cli.CliRun;
import io.kadence.cli.ExitCodes;
import io.kadence.crypto.key.KeyFiles;
import io.kadence.crypto.key.NodeKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
  @TempDir
  Path dir;

  @Test
  void keygen_shouldWriteALoadableKeyAndPrintItsNodeId() throws Exception {
    Path key = dir.resolve("node.key");
    CliRun run = CliRun.of("keygen", "--out", key.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    NodeKeyPair pair = KeyFiles.load(key);
    assertEquals("node id " + HexFormat.of().formatHex(pair.nodeId()) + "\nwrote " + key
        + " (readable by its owner only)\n", run.out());
  }

  @Test
  void keygen_shouldRefuseToReplaceAnExistingFile() throws Exception {
    Path key = dir.resolve("node.key");
    assertEquals(ExitCodes.OK, CliRun.of("keygen", "--out", key.toString()).exitCode());
    byte[] before = Files.readAllBytes(key);
    CliRun again = CliRun.of("keygen", "--out", key.toString());
    assertEquals(ExitCodes.FAILURE, again.exitCode(), again::toString);
    assertTrue(again.err().startsWith("error: key file " + key + ": a file is already there"),
        again::toString);
    assertEquals("", again.out());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key)));
  }

  @Test
  void keygen_shouldExit2WhenOutIsMissingOrItsDirectoryIs() {
    CliRun missing = CliRun.of("keygen");
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    assertEquals("error: Missing required option: '--out=FILE' (see 'kadence keygen --help')\n",
        missing.err());
    CliRun noDir = CliRun.of("keygen", "--out", dir.resolve("nope/node.key").toString());
    assertEquals(ExitCodes.USAGE, noDir.exitCode());
    assertTrue(noDir.err().contains("does not exist"), noDir::toString);
  }
}
