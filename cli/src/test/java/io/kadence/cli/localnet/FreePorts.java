package io.kadence.cli.localnet;

import io.kadence.cli.Defaults;
import java.io.IOException;
import java.net.ServerSocket;

/** Free ports for the local-network tests. */
final class FreePorts {
  private FreePorts() {}

  /** A base port p with p..p+n-1 and the HTTP ports p+80..p+80+n-1 free now. */
  static int basePort(int n) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0)) {
        base = probe.getLocalPort();
      }
      int http = base + Defaults.HTTP_PORT_OFFSET;
      if (http + n < 65535 && allFree(base, n) && allFree(http, n)) {
        return base;
      }
    }
    throw new IllegalStateException("no free block of ports");
  }

  private static boolean allFree(int first, int n) {
    for (int port = first; port < first + n; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
