package io.kadence.crypto.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kadence.crypto.key.KeyFileException.Reason;
import io.kadence.crypto.key.NodeKeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KeyFiles on a real file system: atomic owner-only writes, refusals, never a silent new key. */
class KeyFilesTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir
  Path dir;

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static KeyFileException loadFails(Path path, Reason expected) {
    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.load(path));
    assertEquals(expected, e.reason(), e.getMessage());
    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
    return e;
  }

  @Test
  void load_shouldReturnSavedKeyPairWhenSavedBefore() throws IOException {
    Path file = dir.resolve("node.key");
    NodeKeyPair pair = NodeKeyPair.generate(RANDOM);
    KeyFiles.save(file, pair);
    NodeKeyPair loaded = KeyFiles.load(file);
    assertEquals(pair, loaded);
    assertArrayEquals(pair.privateKeyBytes(), loaded.privateKeyBytes());
  }

  @Test
  void save_shouldCreateOwnerOnlyFileAndNoTempFileWhenPosix() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Path file = dir.resolve("node.key");
    KeyFiles.save(file, NodeKeyPair.generate(RANDOM));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void save_shouldRefuseAndKeepOldIdentityWhenFileExists() throws IOException {
    Path file = dir.resolve("node.key");
    NodeKeyPair original = NodeKeyPair.generate(RANDOM);
    KeyFiles.save(file, original);
    KeyFileException e = assertThrows(KeyFileException.class,
        () -> KeyFiles.save(file, NodeKeyPair.generate(RANDOM)));
    assertEquals(Reason.ALREADY_EXISTS, e.reason());
    assertEquals(original, KeyFiles.load(file));
  }

  @Test
  void load_shouldThrowMissingWhenNoFile() {
    loadFails(dir.resolve("absent.key"), Reason.MISSING);
  }

  @Test
  void load_shouldThrowUnreadableWhenPathIsDirectory() {
    loadFails(dir, Reason.UNREADABLE);
  }

  @Test
  void load_shouldThrowTruncatedWhenFileIsEmpty() throws IOException {
    Path file = write("empty.key", "");
    loadFails(file, Reason.TRUNCATED);
  }

  @Test
  void load_shouldThrowCorruptWhenFileIsHuge() throws IOException {
    Path file = write("huge.key", "kadence-node-key\n" + "x".repeat(1 << 20));
    loadFails(file, Reason.CORRUPT);
  }

  @Test
  void load_shouldThrowTruncatedWhenSavedFileIsCutShort() throws IOException {
    Path file = dir.resolve("node.key");
    KeyFiles.save(file, NodeKeyPair.generate(RANDOM));
    byte[] content = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(content, content.length - 10));
    loadFails(file, Reason.TRUNCATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-r--r--", "rw--w----", "rw----rw-", "rwxrwxrwx"})
  void load_shouldThrowInsecurePermissionsWhenGroupOrOthersHaveAccess(String permissions)
      throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Path file = dir.resolve("node.key");
    KeyFiles.save(file, NodeKeyPair.generate(RANDOM));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    KeyFileException e = loadFails(file, Reason.INSECURE_PERMISSIONS);
    assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
    assertTrue(e.getMessage().contains(permissions), e.getMessage());
  }

  @Test
  void load_shouldAcceptWhenOnlyOwnerCanRead() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Path file = dir.resolve("node.key");
    NodeKeyPair pair = NodeKeyPair.generate(RANDOM);
    KeyFiles.save(file, pair);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    assertEquals(pair, KeyFiles.load(file));
  }

  @Test
  void loadOrCreate_shouldCreateFileAndParentsWhenMissing() throws IOException {
    Path file = dir.resolve("a/b/node.key");
    NodeKeyPair created = KeyFiles.loadOrCreate(file, RANDOM);
    assertTrue(Files.isRegularFile(file));
    assertEquals(created, KeyFiles.load(file));
    if (posix(dir)) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }
  }

  @Test
  void loadOrCreate_shouldReturnExistingIdentityWhenFileExists() throws IOException {
    Path file = dir.resolve("node.key");
    NodeKeyPair first = KeyFiles.loadOrCreate(file, RANDOM);
    assertEquals(first, KeyFiles.loadOrCreate(file, RANDOM));
  }

  @Test
  void loadOrCreate_shouldThrowAndNotReplaceWhenFileIsCorrupt() throws IOException {
    Path file = write("node.key", "kadence-node-key\nversion: 9\n");
    byte[] before = Files.readAllBytes(file);
    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadOrCreate(file, RANDOM));
    assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void loadOrCreate_shouldThrowAndNotReplaceWhenFileIsWorldReadable() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Path file = dir.resolve("node.key");
    NodeKeyPair original = KeyFiles.loadOrCreate(file, RANDOM);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.loadOrCreate(file, RANDOM));
    assertEquals(Reason.INSECURE_PERMISSIONS, e.reason());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals(original, KeyFiles.load(file));
  }

  @Test
  void loadFailure_shouldNeverShowPrivateKeyWhenFileIsDamaged() throws IOException {
    NodeKeyPair pair = NodeKeyPair.generate(RANDOM);
    String privateHex = HexFormat.of().formatHex(pair.privateKeyBytes());
    String text = new String(KeyFileFormat.encode(pair), StandardCharsets.US_ASCII);
    Path file = write("node.key", text.replace("public-key: ", "public-key: 00"));
    KeyFileException e = loadFails(file, Reason.CORRUPT);
    assertFalse(e.getMessage().contains(privateHex));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    if (posix(file)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return file;
  }
}
