package io.kadence.cli.client;

import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A peer's admin token, which admin calls send as {@code Authorization: Bearer <token>}. The
 * peer writes a fresh one to {@code <data-dir>/admin.token} at every start (docs/HTTP-API.md).
 */
public final class AdminToken {
  private AdminToken() {}

  /**
   * Reads the token file.
   *
   * @throws CliException {@link ExitCodes#USAGE} if there is no such file,
   *     {@link ExitCodes#FAILURE} if it cannot be read or is empty
   */
  public static String read(Path file) {
    String token;
    try {
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no admin token at " + file + "; the peer writes "
          + "it to <data-dir>/admin.token when it starts: give its --data-dir or --token-file", e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot read the admin token " + file + ": "
          + e.getMessage() + " (run as the user that runs the peer)", e);
    }
    if (token.isEmpty()) {
      throw new CliException(ExitCodes.FAILURE, "the admin token file " + file + " is empty");
    }
    return token;
  }
}
