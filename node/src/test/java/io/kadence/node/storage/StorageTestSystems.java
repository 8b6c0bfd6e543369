package io.kadence.node.storage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kadence.node.config.PekkoConfig;
import java.nio.file.Path;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Configurations of the actor systems the storage tests start. */
final class StorageTestSystems {
  private StorageTestSystems() {}

  /**
   * The peer's configuration (Kryo bindings, stash capacity) over the persistence testkit's
   * in-memory journal and snapshot store, which serialize what they keep; no remoting.
   */
  static Config inMemory() {
    Path unused = Path.of("target", "storage-test-unused");
    return EventSourcedBehaviorTestKit.config()
        .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
        .withFallback(PekkoConfig.forPeer("127.0.0.1", 0, unused, ConfigFactory.empty()));
  }
}
