package io.kadence.node.identity;

import java.nio.file.Path;

/** A peer's data directory cannot be used; the message says which and what to do. */
public final class DataDirException extends Exception {
  private final transient Path dir;

  public DataDirException(Path dir, String message, Throwable cause) {
    super(message, cause);
    this.dir = dir;
  }

  /** The data directory in question. */
  public Path dir() {
    return dir;
  }
}
