package io.kadence.crypto.key;

import io.kadence.crypto.key.KeyFileException.Reason;
import io.kadence.crypto.sign.Ed25519;
import io.kadence.crypto.key.NodeKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Version 1 of the node key file: five ASCII lines, each ended by {@code '\n'}.
 *
 * <pre>
 * kadence-node-key
 * version: 1
 * algorithm: ed25519
 * private-key: &lt;64 lowercase hex digits: the RFC 8032 (5.1.5) 32-byte seed&gt;
 * public-key: &lt;64 lowercase hex digits: the RFC 8032 (5.1.5) 32-byte public key&gt;
 * </pre>
 *
 * <p>The public key is redundant on purpose: it must equal the one derived from the private key,
 * which catches a damaged private key (any change to the seed changes the derived key) before
 * the node starts under an identity that is not its own. A missing final newline or line means
 * the file was cut short, reported apart from other damage.
 */
final class KeyFileFormat {
  static final String MAGIC = "kadence-node-key";
  static final int VERSION = 1;
  static final String ALGORITHM = "ed25519";
  /** Far above the ~190 bytes of a version 1 file; a larger file is not a key file. */
  static final int MAX_BYTES = 4096;

  private static final HexFormat HEX = HexFormat.of();
  private static final String[] FIELDS = {null, "version", "algorithm", "private-key", "public-key"};

  private KeyFileFormat() {}

  static byte[] encode(NodeKeyPair pair) {
    byte[] privateKey = pair.privateKeyBytes();
    try {
      String text = MAGIC + "\n"
          + "version: " + VERSION + "\n"
          + "algorithm: " + ALGORITHM + "\n"
          + "private-key: " + HEX.formatHex(privateKey) + "\n"
          + "public-key: " + HEX.formatHex(pair.publicKey()) + "\n";
      return text.getBytes(StandardCharsets.US_ASCII);
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
  }

  static NodeKeyPair decode(Path path, byte[] content) throws KeyFileException {
    if (content.length == 0) {
      throw new KeyFileException(path, Reason.TRUNCATED, "the file is empty (" + restoreHint());
    }
    String text = new String(content, StandardCharsets.ISO_8859_1); // one char per byte, any byte
    String[] lines = text.split("\n", -1); // the last element is what follows the last '\n'
    String first = lines[0];
    if (first.equals(MAGIC + "\r") || (first.equals(MAGIC) && text.indexOf('\r') >= 0)) {
      throw new KeyFileException(path, Reason.CORRUPT, "the file has carriage returns (CRLF line ends);"
          + " it was probably converted as text: copy it as a binary file");
    }
    // A cut-short magic line is a truncated key file; any other first line is another kind of file.
    if (!first.equals(MAGIC) && !(lines.length == 1 && MAGIC.startsWith(first))) {
      throw new KeyFileException(path, Reason.CORRUPT,
          "not a Kadence node key file (it does not start with '" + MAGIC + "')");
    }
    line(path, lines, 0);
    // Fields are checked in file order, so a newer version is named as such whatever follows it.
    String version = field(path, line(path, lines, 1), "version");
    if (!version.equals(Integer.toString(VERSION))) {
      throw new KeyFileException(path, Reason.UNSUPPORTED_VERSION, "format version '" + printable(version)
          + "' is not supported; this Kadence reads version " + VERSION
          + " (a newer Kadence may have written it)");
    }
    String algorithm = field(path, line(path, lines, 2), "algorithm");
    if (!algorithm.equals(ALGORITHM)) {
      throw new KeyFileException(path, Reason.UNSUPPORTED_ALGORITHM, "algorithm '" + printable(algorithm)
          + "' is not supported; Kadence node keys are " + ALGORITHM);
    }
    byte[] privateKey = key(path, line(path, lines, 3), "private-key", Ed25519.PRIVATE_KEY_BYTES);
    byte[] publicKey = key(path, line(path, lines, 4), "public-key", Ed25519.PUBLIC_KEY_BYTES);
    if (lines.length > FIELDS.length + 1 || !lines[FIELDS.length].isEmpty()) {
      throw new KeyFileException(path, Reason.CORRUPT, "unexpected content after the public-key line");
    }
    NodeKeyPair pair = NodeKeyPair.fromPrivateKey(privateKey);
    Arrays.fill(privateKey, (byte) 0);
    if (!Arrays.equals(pair.publicKey(), publicKey)) {
      throw new KeyFileException(path, Reason.KEY_MISMATCH, "the public key does not match the one "
          + "derived from the private key; the file is damaged (" + restoreHint());
    }
    return pair;
  }

  /** Line {@code i}, if the file holds it whole (followed by its {@code '\n'}). */
  private static String line(Path path, String[] lines, int i) throws KeyFileException {
    if (i >= lines.length - 1) {
      throw new KeyFileException(path, Reason.TRUNCATED, "the file ends before its "
          + (i == 0 ? "first line" : "'" + FIELDS[i] + "' line") + " is complete (" + restoreHint());
    }
    return lines[i];
  }

  private static String field(Path path, String line, String name) throws KeyFileException {
    String prefix = name + ": ";
    if (!line.startsWith(prefix)) {
      throw new KeyFileException(path, Reason.CORRUPT, "expected a line starting with '" + prefix
          + "' but found '" + printable(line.length() > 20 ? line.substring(0, 20) + "..." : line) + "'");
    }
    return line.substring(prefix.length());
  }

  private static byte[] key(Path path, String line, String name, int bytes) throws KeyFileException {
    String hex = field(path, line, name);
    // Never echo key material into an exception message: only its length.
    if (hex.length() != 2 * bytes || !hex.chars().allMatch(KeyFileFormat::isLowerHex)) {
      throw new KeyFileException(path, Reason.CORRUPT, "the " + name + " is not " + 2 * bytes
          + " lowercase hex digits (found " + hex.length() + " characters)");
    }
    return HEX.parseHex(hex);
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static String printable(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? s : "<non-printable>";
  }

  private static String restoreHint() {
    return "restore it from a backup; delete it only if this node should get a new identity and node ID)";
  }
}
