package io.kadence.cli;

/**
 * The port conventions of the {@code kadence} command: a peer listens on 7400 and serves its
 * HTTP API on 7480, so {@code kadence node} and the client commands find each other with no
 * flags. {@code local-net} gives peer {@code i} the ports {@code base + i} and
 * {@code base + 80 + i}.
 */
public final class Defaults {
  /** Peer-to-peer port of {@code kadence node} (as in reference.conf). */
  public static final int PEER_PORT = 7400;
  /** HTTP API port of {@code kadence node}; reference.conf's own default is 0 (any free port). */
  public static final int HTTP_PORT = 7480;
  /** How far above its peer port a {@code local-net} peer serves HTTP. */
  public static final int HTTP_PORT_OFFSET = HTTP_PORT - PEER_PORT;
  /** Where the client commands find a node unless told otherwise. */
  public static final String NODE_URL = "http://127.0.0.1:" + HTTP_PORT;
  /** The client commands' {@code --node} default: {@code KADENCE_NODE}, else {@link #NODE_URL}. */
  public static final String NODE_URL_DEFAULT = "${env:KADENCE_NODE:-" + NODE_URL + "}";
  /** The data dir of {@code kadence node} unless told otherwise (as in reference.conf). */
  public static final String DATA_DIR = "kadence-data";
  /** The file in a peer's data dir that holds its admin token (docs/HTTP-API.md). */
  public static final String ADMIN_TOKEN_FILE = "admin.token";

  private Defaults() {}
}
