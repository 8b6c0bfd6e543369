package io.kadence.cli.localnet;

import io.kadence.cli.Defaults;
import io.kadence.node.settings.HostPort;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One peer of a local network: its index, ports, data dir and bootstrap peer. Peer {@code i}
 * listens on {@code base + i}, serves HTTP on {@code base + 80 + i}, keeps its data in
 * {@code <dir>/peer-i}; every peer but the first joins through the first.
 *
 * @param bootstrap the peer to join through, or null for the first peer (a new network)
 */
public record PeerSpec(int index, int port, int httpPort, Path dataDir, HostPort bootstrap) {
  /** The host every local peer binds and is dialed at. */
  public static final String HOST = "127.0.0.1";
  /** Most peers of a local network: the HTTP offset, so the port ranges never meet. */
  public static final int MAX_PEERS = Defaults.HTTP_PORT_OFFSET;

  /** The peers of a network of {@code n} on ports from {@code basePort}, under {@code dir}. */
  public static List<PeerSpec> plan(int n, int basePort, Path dir) {
    check(n, basePort);
    List<PeerSpec> peers = new ArrayList<>();
    HostPort first = new HostPort(HOST, basePort);
    for (int i = 0; i < n; i++) {
      peers.add(new PeerSpec(i, basePort + i, basePort + Defaults.HTTP_PORT_OFFSET + i,
          dir.resolve("peer-" + i), i == 0 ? null : first));
    }
    return List.copyOf(peers);
  }

  /**
   * Checks that {@code n} peers fit on ports from {@code basePort}.
   *
   * @throws IllegalArgumentException saying which is out of range
   */
  public static void check(int n, int basePort) {
    if (n < 1 || n > MAX_PEERS) {
      throw new IllegalArgumentException("N must be 1.." + MAX_PEERS + ", got " + n);
    }
    if (basePort < 1 || highestPort(n, basePort) > 65535) {
      throw new IllegalArgumentException("base port must be 1.." + (65535 - highestPort(n, 0))
          + " for " + n + " peers, got " + basePort);
    }
  }

  /** The highest port a network of {@code n} peers from {@code basePort} uses. */
  public static int highestPort(int n, int basePort) {
    return basePort + Defaults.HTTP_PORT_OFFSET + n - 1;
  }

  /** The arguments of {@code kadence node} that run this peer. */
  public List<String> nodeArguments() {
    List<String> args = new ArrayList<>(List.of("node", "--host", HOST,
        "--port", Integer.toString(port), "--http-port", Integer.toString(httpPort),
        "--data-dir", dataDir.toString()));
    if (bootstrap != null) {
      args.add("--bootstrap");
      args.add(bootstrap.toString());
    }
    return args;
  }

  /** The base URL of this peer's HTTP API. */
  public URI httpUrl() {
    return URI.create("http://" + HOST + ":" + httpPort);
  }

  /** Where the peer process's stdout and stderr go. */
  public Path logFile() {
    return dataDir.resolve("node.log");
  }

  /** The file the peer writes its admin token to. */
  public Path adminTokenFile() {
    return dataDir.resolve(Defaults.ADMIN_TOKEN_FILE);
  }
}
