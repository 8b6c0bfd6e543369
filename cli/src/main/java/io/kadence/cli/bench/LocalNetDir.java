package io.kadence.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The peers of a {@code kadence local-net --dir DIR} network: each {@code DIR/peer-i} holds the
 * peer's {@code node.log}, where {@code kadence node} printed {@code http     http://host:port}
 * when it started (the last such line counts, since a restarted peer appends to its log).
 */
public final class LocalNetDir {
  private static final Pattern PEER_DIR = Pattern.compile("peer-(\\d+)");
  private static final Pattern HTTP_LINE = Pattern.compile("^http\\s+(https?://\\S+)\\s*$");

  private LocalNetDir() {}

  /**
   * The peers' HTTP API base URLs, in peer index order.
   *
   * @throws IllegalArgumentException if {@code dir} is not a local-net directory
   */
  public static List<URI> peers(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--local-net " + dir + " is not a directory");
    }
    List<Path> peerDirs;
    try (Stream<Path> entries = Files.list(dir)) {
      peerDirs = entries.filter(Files::isDirectory)
          .filter(p -> PEER_DIR.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(LocalNetDir::indexOf)).toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list --local-net " + dir + ": " + e.getMessage(),
          e);
    }
    if (peerDirs.isEmpty()) {
      throw new IllegalArgumentException("--local-net " + dir + " has no peer-N directories; "
          + "give the --dir of a kadence local-net");
    }
    List<URI> peers = new ArrayList<>();
    for (Path peerDir : peerDirs) {
      peers.add(httpUrlOf(peerDir));
    }
    return List.copyOf(peers);
  }

  private static URI httpUrlOf(Path peerDir) {
    Path log = peerDir.resolve("node.log");
    String url = null;
    try {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        Matcher m = HTTP_LINE.matcher(line);
        if (m.matches()) {
          url = m.group(1);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + log + " (" + e.getMessage()
          + "); is " + peerDir.getParent() + " a kadence local-net directory?", e);
    }
    if (url == null) {
      throw new IllegalArgumentException(log + " names no HTTP address (the peer did not start, "
          + "or this is not a kadence local-net directory)");
    }
    return URI.create(url);
  }

  private static int indexOf(Path peerDir) {
    Matcher m = PEER_DIR.matcher(peerDir.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }
}
