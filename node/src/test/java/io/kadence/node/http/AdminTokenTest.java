package io.kadence.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin token file: owner-only, fresh each time, read with clear errors. */
class AdminTokenTest {
  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();

  @Test
  void writeNew_shouldCreateAnOwnerOnlyFileWhenTheFileSystemIsPosix() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));

    AdminToken.writeNew(dir, random);

    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(AdminToken.file(dir))));
  }

  @Test
  void writeNew_shouldReplaceTheTokenWithAFreshOneWhenCalledAgain() throws Exception {
    AdminToken first = AdminToken.writeNew(dir, random);
    AdminToken second = AdminToken.writeNew(dir, random);

    assertNotEquals(first.value(), second.value());
    assertEquals(second.value(), AdminToken.read(dir));
    assertTrue(second.value().matches("[0-9a-f]{64}"), second.value());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void read_shouldFailWithNoSuchFileNamingTheDataDirWhenThereIsNoToken() {
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AdminToken.read(dir));

    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is a peer running"), e.getMessage());
  }

  @Test
  void read_shouldFailWhenTheTokenFileCannotBeRead() throws Exception {
    Files.createDirectory(AdminToken.file(dir));

    IOException e = assertThrows(IOException.class, () -> AdminToken.read(dir));

    assertTrue(e.getMessage().startsWith("cannot read the admin token"), e.getMessage());
  }

  @Test
  void read_shouldFailWhenTheFileHoldsNoToken() throws Exception {
    Files.writeString(AdminToken.file(dir), "not a token\n");

    IOException e = assertThrows(IOException.class, () -> AdminToken.read(dir));

    assertTrue(e.getMessage().contains("does not hold a token"), e.getMessage());
  }

  @Test
  void authorizes_shouldAcceptOnlyTheBearerTokenWhenHeadersVary() throws Exception {
    AdminToken token = AdminToken.writeNew(dir, new SecureRandom());
    String value = token.value();
    String other = AdminToken.writeNew(dir, SecureRandom.getInstance("SHA1PRNG")).value();

    assertTrue(token.authorizes(Optional.of("Bearer " + value)));
    assertTrue(token.authorizes(Optional.of("bearer " + value)), "the scheme ignores case");
    assertFalse(token.authorizes(Optional.empty()));
    assertFalse(token.authorizes(Optional.of("Bearer " + other)));
    assertFalse(token.authorizes(Optional.of("Bearer " + value.substring(1))));
    assertFalse(token.authorizes(Optional.of("Bearer " + value + "0")));
    assertFalse(token.authorizes(Optional.of("Basic " + value)));
    assertFalse(token.authorizes(Optional.of(value)));
    assertFalse(token.authorizes(Optional.of("Bearer ")));
  }

  @Test
  void toString_shouldNotShowTheTokenWhenLogged() throws Exception {
    AdminToken token = AdminToken.writeNew(dir, new SecureRandom());

    assertFalse(token.toString().contains(token.value()));
  }
}
