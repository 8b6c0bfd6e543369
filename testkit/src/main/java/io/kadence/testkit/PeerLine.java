package io.kadence.testkit;

import io.kadence.node.settings.HostPort;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a child peer ({@link PeerMain}) prints on its stdout once it serves, which its
 * parent ({@link MultiJvmCluster}) waits for in the peer's log:
 * {@code KADENCE-READY id=<64 hex> peer=<host:port> http=<host:port>}. A peer that cannot start
 * prints {@code KADENCE-FAILED <reason>} instead and exits non-zero.
 */
record PeerLine(String id, HostPort peer, HostPort http) {
  static final String READY = "KADENCE-READY";
  static final String FAILED = "KADENCE-FAILED";
  private static final Pattern PATTERN = Pattern.compile(
      "^" + READY + " id=([0-9a-f]{64}) peer=(\\S+) http=(\\S+)$");

  /** The line itself, without a line separator. */
  String format() {
    return READY + " id=" + id + " peer=" + peer + " http=" + http;
  }

  /** The ready line {@code line} announces, if it is one. */
  static Optional<PeerLine> parse(String line) {
    Matcher m = PATTERN.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new PeerLine(m.group(1), HostPort.parse(m.group(2)),
        HostPort.parse(m.group(3))));
  }
}
