package io.kadence.crypto.key;

import io.kadence.crypto.key.KeyFileException.Reason;
import io.kadence.crypto.key.NodeKeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads and writes a node's identity, the Ed25519 key pair kept in its data directory
 * (DESIGN.md, "Identity, signatures and the wire"; format in {@link KeyFileFormat}'s version 1).
 *
 * <p>Never replaces an identity silently: {@link #save} refuses an existing file,
 * {@link #loadOrCreate} creates only when there is no file, and every unusable file is a
 * {@link KeyFileException} naming the path and the fix.
 *
 * <p>On POSIX file systems the file is created {@code rw-------} from its first byte, and
 * {@link #load} refuses a file that group or others may access (as OpenSSH does for private
 * keys). On other file systems (Windows) the file inherits its directory's access control list
 * and no permission check is possible: keep the data directory private there.
 */
public final class KeyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private KeyFiles() {}

  /**
   * Writes a new key file atomically: a temporary file in the same directory, created owner-only,
   * written and flushed to disk, then moved into place, so a crash leaves the old state or the
   * whole file, never half a key. The parent directory must exist.
   *
   * @throws KeyFileException {@link Reason#ALREADY_EXISTS} if a file is already at {@code path}
   */
  public static void save(Path path, NodeKeyPair pair) throws IOException {
    Path target = path.toAbsolutePath();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new KeyFileException(path, Reason.ALREADY_EXISTS, "a file is already there; it may be this "
          + "node's identity, so it is not replaced (move it away first to really replace it)");
    }
    Path dir = target.getParent();
    byte[] content = KeyFileFormat.encode(pair);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", ownerOnly(dir));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      // ATOMIC_MOVE is rename(2) on POSIX. The existence check above leaves a window in which a
      // concurrent writer could be replaced; two nodes sharing one data directory is unsupported.
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dir);
    } finally {
      Arrays.fill(content, (byte) 0);
      Files.deleteIfExists(temp);
    }
  }

  /** Reads and checks a key file; see {@link KeyFileException.Reason} for every refusal. */
  public static NodeKeyPair load(Path path) throws KeyFileException {
    if (!Files.exists(path)) {
      throw new KeyFileException(path, Reason.MISSING, "no such file. Check the data directory; "
          + "create a new identity only for a new node, since a new key means a new node ID");
    }
    if (!Files.isRegularFile(path)) {
      throw new KeyFileException(path, Reason.UNREADABLE, "not a regular file");
    }
    checkPermissions(path);
    byte[] content = read(path);
    try {
      return KeyFileFormat.decode(path, content);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Loads the key file, or, only if no file exists at {@code path}, generates a new identity and
   * saves it (creating missing parent directories, owner-only on POSIX). Any other problem with an
   * existing file propagates: a damaged identity is never silently replaced by a new one.
   */
  public static NodeKeyPair loadOrCreate(Path path, SecureRandom random) throws IOException {
    if (!Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
      return load(path);
    }
    Path dir = path.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, ownerOnlyDir(dir));
    }
    NodeKeyPair created = NodeKeyPair.generate(random);
    try {
      save(path, created);
    } catch (KeyFileException e) {
      if (e.reason() != Reason.ALREADY_EXISTS) {
        throw e;
      }
      return load(path); // another process created it first: that one is the identity
    }
    return created;
  }

  private static void checkPermissions(Path path) throws KeyFileException {
    if (!isPosix(path)) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(path);
    } catch (IOException e) {
      throw new KeyFileException(path, Reason.UNREADABLE, "cannot read its permissions: " + e, e);
    }
    Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
    others.removeAll(OWNER_ONLY_DIR);
    if (!others.isEmpty()) {
      throw new KeyFileException(path, Reason.INSECURE_PERMISSIONS, "permissions "
          + PosixFilePermissions.toString(permissions) + " let group or others access the private"
          + " key; make it readable by its owner only: chmod 600 " + path);
    }
  }

  private static byte[] read(Path path) throws KeyFileException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] content = in.readNBytes(KeyFileFormat.MAX_BYTES + 1);
      if (content.length > KeyFileFormat.MAX_BYTES) {
        throw new KeyFileException(path, Reason.CORRUPT, "larger than " + KeyFileFormat.MAX_BYTES
            + " bytes, so not a Kadence node key file");
      }
      return content;
    } catch (NoSuchFileException e) {
      throw new KeyFileException(path, Reason.MISSING, "the file disappeared while being read", e);
    } catch (AccessDeniedException e) {
      throw new KeyFileException(path, Reason.UNREADABLE, "permission denied; run as the user that "
          + "owns the data directory", e);
    } catch (KeyFileException e) {
      throw e;
    } catch (IOException e) {
      throw new KeyFileException(path, Reason.UNREADABLE, "cannot be read: " + e, e);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    return isPosix(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] ownerOnlyDir(Path dir) {
    return isPosix(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
        : new FileAttribute<?>[0];
  }

  /** Makes the rename durable; some platforms cannot open a directory, and then it is skipped. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: the file itself is already on disk; only the directory entry may lag.
    }
  }
}
