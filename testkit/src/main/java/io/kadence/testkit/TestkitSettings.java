package io.kadence.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.HttpSettings;
import io.kadence.node.settings.NodeSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings of a test peer, in one place for peers in this JVM ({@link InJvmCluster}) and
 * peers in child JVMs ({@link PeerMain}): the test's overrides, above {@code
 * kadence-testkit.conf} (fast gossip and failure detection), above every library's
 * {@code reference.conf}.
 */
final class TestkitSettings {
  /** Classpath resource with the testkit's settings. */
  static final String RESOURCE = "kadence-testkit.conf";

  private TestkitSettings() {}

  /** {@code overrides} above the testkit's settings, unresolved: a peer's user config. */
  static Config layered(Config overrides) {
    return overrides.withFallback(ConfigFactory.parseResources(
        TestkitSettings.class.getClassLoader(), RESOURCE,
        ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  /**
   * The settings of a peer with data dir {@code dir}, listening on {@code port} (0: a free one)
   * and joining through {@code bootstrap}, read from {@code layered} (see {@link #layered}).
   */
  static NodeSettings peer(Config layered, Path dir, int port, List<HostPort> bootstrap) {
    NodeSettings base = NodeSettings.load(
        layered.withFallback(ConfigFactory.defaultReference()).resolve());
    return new NodeSettings(base.network().with(port, bootstrap, dir), base.routing(),
        base.lookup(), base.storage(), base.security(), base.http());
  }

  /** {@code settings} with the HTTP API on {@code port} (0: a free one). */
  static NodeSettings withHttpPort(NodeSettings settings, int port) {
    return new NodeSettings(settings.network(), settings.routing(), settings.lookup(),
        settings.storage(), settings.security(), new HttpSettings(settings.http().host(), port));
  }
}
