package io.kadence.node.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.key.KeyFileException;
import io.kadence.crypto.key.NodeKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
  @TempDir Path tmp;

  @Test
  void open_shouldCreateOwnerOnlyDirAndKeepIdentityWhenReopened() throws Exception {
    Path dir = tmp.resolve("a/b");
    NodeKeyPair first;
    try (DataDir data = DataDir.open(dir)) {
      first = data.identity();
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }
    try (DataDir data = DataDir.open(dir)) {
      assertEquals(first, data.identity());
    }
  }

  @Test
  void open_shouldRefuseWhenAnotherPeerHoldsTheDir() throws Exception {
    try (DataDir held = DataDir.open(tmp)) {
      DataDirException e = assertThrows(DataDirException.class, () -> DataDir.open(tmp));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
    DataDir.open(tmp).close(); // released
  }

  @Test
  void open_shouldExplainWhenTheDirIsNotWritable() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    DataDirException e = assertThrows(DataDirException.class, () -> DataDir.open(file));
    assertTrue(e.getMessage().contains("not a writable directory"), e.getMessage());
  }

  @Test
  void identity_shouldFailRatherThanReplaceWhenTheKeyFileIsDamaged() throws Exception {
    try (DataDir data = DataDir.open(tmp)) {
      data.identity();
      Files.writeString(data.keyFile(), "garbage");
      assertThrows(KeyFileException.class, data::identity);
      assertEquals("garbage", Files.readString(data.keyFile()), "never silently replaced");
    }
  }
}
