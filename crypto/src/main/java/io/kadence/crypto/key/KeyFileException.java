package io.kadence.crypto.key;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A node key file that cannot be used, with the path, a {@link Reason} a program can act on and a
 * message a person can act on. Thrown instead of ever replacing the node's identity
 * (DESIGN.md, "Identity, signatures and the wire": the identity is kept across restarts).
 */
public final class KeyFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the key file was refused. */
  public enum Reason {
    /** No file at the path. */
    MISSING,
    /** A file is already at the path and saving would replace an identity. */
    ALREADY_EXISTS,
    /** Not a regular file, or the operating system refused to read or write it. */
    UNREADABLE,
    /** Group or others have any permission on the file (POSIX only). */
    INSECURE_PERMISSIONS,
    /** The file ends before its last field: empty, or cut short by a crash or a bad copy. */
    TRUNCATED,
    /** Not a Kadence key file, or a field is malformed. */
    CORRUPT,
    /** A format version this code does not read. */
    UNSUPPORTED_VERSION,
    /** A signature algorithm other than Ed25519. */
    UNSUPPORTED_ALGORITHM,
    /** The stored public key is not the one the stored private key derives. */
    KEY_MISMATCH
  }

  private final transient Path path;
  private final Reason reason;

  /** An exception about the key file at {@code path}; {@code detail} is appended to the path. */
  public KeyFileException(Path path, Reason reason, String detail, Throwable cause) {
    super("key file " + path + ": " + detail, cause);
    this.path = Objects.requireNonNull(path, "path");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Same, without a cause. */
  public KeyFileException(Path path, Reason reason, String detail) {
    this(path, reason, detail, null);
  }

  /** The key file concerned. */
  public Path path() {
    return path;
  }

  /** Why it was refused. */
  public Reason reason() {
    return reason;
  }
}
