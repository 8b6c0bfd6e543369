package io.kadence.node.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin token of a peer's HTTP API (DESIGN.md, "Interfaces": admin calls need the node's
 * admin token): 32 random bytes in hex, fresh at every start of the API, written to
 * {@code <data-dir>/admin.token} readable by its owner only. Whoever can read the data dir (the
 * user running the peer, and the CLI on their behalf via {@link #read}) may call
 * {@code POST /v1/leave} with {@code Authorization: Bearer <token>}.
 */
public final class AdminToken {
  /** Name of the token file in the data dir. */
  public static final String FILE_NAME = "admin.token";

  private static final int BYTES = 32;
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + BYTES * 2 + "}");
  private static final String BEARER = "bearer ";

  private final byte[] token;

  private AdminToken(String hex) {
    this.token = hex.getBytes(StandardCharsets.US_ASCII);
  }

  /** The token file of the peer whose data dir is {@code dataDir}. */
  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /**
   * The current token of the peer whose data dir is {@code dataDir}, as the value to send after
   * {@code Bearer }.
   *
   * @throws NoSuchFileException if there is no token file (no peer started its HTTP API there)
   * @throws IOException if the file cannot be read or holds no token; the message says what to do
   */
  public static String read(Path dataDir) throws IOException {
    Path file = file(dataDir);
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no admin token: is a peer running"
          + " with data dir " + dataDir + "? (it writes the token when its HTTP API starts)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException("cannot read the admin token " + file + ": not a regular file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new IOException("cannot read the admin token " + file + " (" + e.getMessage()
          + "); it is readable only by the user who runs the peer", e);
    }
    if (!HEX.matcher(text).matches()) {
      throw new IOException("the admin token file " + file + " does not hold a token of "
          + BYTES * 2 + " hex digits; restarting the peer writes a new one");
    }
    return text;
  }

  /**
   * Writes a fresh random token to {@code dataDir}, replacing any earlier one: the file is
   * created owner-only (rw-------) where the file system has POSIX permissions, written, then
   * moved into place atomically, so a reader sees the old token or the new one, never a part.
   */
  static AdminToken writeNew(Path dataDir, SecureRandom random) throws IOException {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    String hex = HexFormat.of().formatHex(bytes);
    Path target = file(dataDir);
    Path temp = Files.createTempFile(dataDir, "." + FILE_NAME + ".", ".tmp", ownerOnly(dataDir));
    try {
      Files.writeString(temp, hex + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new AdminToken(hex);
  }

  /**
   * Whether an {@code Authorization} header carries this token as a bearer token. The
   * comparison takes the same time wherever the first difference is.
   */
  boolean authorizes(Optional<String> authorization) {
    if (authorization.isEmpty()
        || !authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] presented = authorization.get().substring(BEARER.length()).trim()
        .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(token, presented);
  }

  /** The token itself, for tests. */
  String value() {
    return new String(token, StandardCharsets.US_ASCII);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "AdminToken[hidden]";
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }
}
