package io.kadence.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.kadence.node.settings.NodeSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Pekko configuration of one peer. Layers, highest first: the peer's own values (host, port,
 * journal URL), system properties, the user's configuration (application.conf or a file given on
 * the command line), {@code kadence-pekko.conf} (Artery TCP, the cluster provider with the Split
 * Brain Resolver, the JDBC journal over H2), and the reference.conf of every library.
 *
 * <p>H2 flags (NOTES.md): {@code WRITE_DELAY=0} so an acknowledged event is in the file before
 * the reply (the default delay lost about a second of events on every simulated crash), and
 * {@code DATABASE_TO_UPPER=false}, which the plugin's quoted lower-case names need.
 */
public final class PekkoConfig {
  /** Name of every peer's actor system; part of every peer address. */
  public static final String SYSTEM_NAME = "kadence";

  private static final String H2_FLAGS = ";DATABASE_TO_UPPER=false;WRITE_DELAY=0";

  private PekkoConfig() {}

  /**
   * The configuration of a peer listening on {@code host:port} (0 picks a free port) that keeps
   * its journal under {@code dataDir}.
   *
   * @throws ConfigException if a setting is invalid, or Artery's frame cannot carry the largest
   *     message the storage settings allow
   *
   * @param user the user's configuration, unresolved (e.g. {@code ConfigFactory.parseFile});
   *     {@code ConfigFactory.empty()} for none
   */
  public static Config forPeer(String host, int port, Path dataDir, Config user) {
    Map<String, Object> peer = Map.of(
        "pekko.remote.artery.canonical.hostname", host,
        "pekko.remote.artery.canonical.port", port,
        "pekko-persistence-jdbc.shared-databases.kadence.db.url", journalUrl(dataDir));
    Config config = ConfigFactory.parseMap(peer)
        .withFallback(ConfigFactory.defaultOverrides())
        .withFallback(user)
        .withFallback(ConfigFactory.parseResources(PekkoConfig.class.getClassLoader(),
            "kadence-pekko.conf", ConfigParseOptions.defaults().setAllowMissing(false)))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
    checkFrameSize(config, NodeSettings.load(config));
    return config;
  }

  /** Artery must carry the largest envelope plus the request's reply path and framing. */
  private static void checkFrameSize(Config config, NodeSettings settings) {
    String path = "pekko.remote.artery.advanced.maximum-frame-size";
    long frame = config.getBytes(path);
    long needed = settings.maxEnvelopeBytes() + 4096L;
    if (frame < needed) {
      throw new ConfigException.BadValue(config.origin(), path, "must be at least " + needed
          + " bytes to carry the largest signed message that kadence.storage allows");
    }
  }

  /** JDBC URL of the H2 file database that holds the peer's journal and snapshots. */
  public static String journalUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("journal") + H2_FLAGS;
  }
}
