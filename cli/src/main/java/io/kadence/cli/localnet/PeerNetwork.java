package io.kadence.cli.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A running local network, however its peers are hosted: a process each ({@link LocalNetwork})
 * or all in this JVM ({@link InJvmNetwork}). {@code local-net} prints it and stops it.
 */
public interface PeerNetwork extends AutoCloseable {
  /** What each peer was started as, in index order. */
  List<PeerSpec> specs();

  /** What each peer said about itself ({@code GET /v1/node}) once it served, in index order. */
  List<JsonNode> infos();

  /** Stops every peer, gracefully if it can; idempotent. */
  @Override
  void close();
}
