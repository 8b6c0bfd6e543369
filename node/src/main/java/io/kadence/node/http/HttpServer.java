package io.kadence.node.http;

import io.kadence.node.settings.HostPort;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * A peer's running HTTP API ({@link HttpApi#bind}): where it listens, and how to stop it. It
 * also stops by itself when the peer's actor system terminates (it unbinds in the coordinated
 * shutdown's {@code service-unbind} phase).
 */
public final class HttpServer {
  /** How long requests in flight may still finish when the server stops. */
  static final Duration STOP_DEADLINE = Duration.ofSeconds(3);

  private final ServerBinding binding;

  HttpServer(ServerBinding binding) {
    this.binding = binding;
  }

  /** The bound host and port (the chosen port, if 0 was asked for). */
  public HostPort address() {
    InetSocketAddress local = binding.localAddress();
    return new HostPort(local.getAddress().getHostAddress(), local.getPort());
  }

  /**
   * Stops accepting connections, lets requests in flight finish within a few seconds, then
   * closes every connection.
   */
  public CompletionStage<Done> stop() {
    return binding.terminate(STOP_DEADLINE).thenApply(terminated -> Done.getInstance());
  }

  @Override
  public String toString() {
    return "HttpServer[" + address() + "]";
  }
}
