package io.kadence.node.identity;

import io.kadence.crypto.key.KeyFiles;
import io.kadence.crypto.key.NodeKeyPair;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A peer's data directory, held for the peer's lifetime: its identity key ({@code node.key}),
 * its journal database, its saved routing contacts ({@code contacts}). Opening it creates it
 * (owner-only), checks that it is writable, and takes an exclusive lock ({@code lock}) so that
 * two peers never share one directory, which would give them one identity and corrupt the
 * journal.
 */
public final class DataDir implements AutoCloseable {
  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDir(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) and locks {@code dir}.
   *
   * @throws DataDirException if it cannot be created or written, or another peer holds it
   */
  public static DataDir open(Path dir) throws DataDirException {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(abs)) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(abs);
        }
      }
      Path probe = Files.createTempFile(abs, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new DataDirException(abs, "data dir " + abs + " is not a writable directory ("
          + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); choose another with --data-dir or fix its permissions", e);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(abs.resolve("lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(abs, null);
      }
      return new DataDir(abs, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(abs, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new DataDirException(abs, "cannot lock data dir " + abs + ": " + e.getMessage(), e);
    } catch (DataDirException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /**
   * This peer's identity: loaded from {@code node.key}, or generated and saved if there is no
   * key file yet. A damaged or insecure key file is an error, never a new identity.
   */
  public NodeKeyPair identity() throws IOException {
    return KeyFiles.loadOrCreate(keyFile(), new SecureRandom());
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** The identity key file. */
  public Path keyFile() {
    return dir.resolve("node.key");
  }

  /** Where the routing contacts are saved for rejoining. */
  public Path contactsFile() {
    return dir.resolve("contacts");
  }

  /** Releases the lock; the peer must be stopped first. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel is closed next, which releases it anyway
    }
    closeQuietly(lockChannel);
  }

  private static DataDirException inUse(Path dir, Throwable cause) {
    return new DataDirException(dir, "data dir " + dir + " is in use by another Kadence peer;"
        + " stop it or give this peer its own --data-dir", cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
