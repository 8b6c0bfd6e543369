package io.kadence.node.replication;

import io.kadence.node.settings.NodeSettings;
import java.time.Duration;

/**
 * The replicator's tunables, from the node's settings.
 *
 * @param confirmationCapacity most (record, peer) acknowledgements remembered
 */
public record ReplicatorSettings(int replication, Duration debounce, Duration republishInterval,
    Duration storeTimeout, int maxInFlight, int confirmationCapacity) {

  /** The replicator settings of a node. */
  public static ReplicatorSettings of(NodeSettings s) {
    long pairs = (long) s.storage().maxRecords() * s.storage().replication();
    return new ReplicatorSettings(s.storage().replication(), s.storage().replicationDebounce(),
        s.storage().republishInterval(), s.storage().storeTimeout(),
        s.storage().replicationInFlight(), (int) Math.min(pairs, 1_000_000));
  }
}
