package io.kadence.node.settings;

import io.kadence.dht.record.RecordLimits;
import java.time.Duration;

/** Replication, quorum, TTL, size and quota tunables of the record store. */
public record StorageSettings(
    int replication,
    int writeQuorum,
    Duration defaultTtl,
    Duration maxTtl,
    Duration maxClockSkew,
    int maxValueBytes,
    int maxRecords,
    long maxBytes,
    int maxPublishersPerKey,
    int snapshotEvery,
    Duration republishInterval,
    Duration replicationDebounce,
    int replicationInFlight,
    Duration expirySweepInterval,
    Duration storeTimeout) {

  /** Shortest TTL a record may carry; shorter ones would expire in flight. */
  public static final Duration MIN_TTL = Duration.ofSeconds(1);

  public StorageSettings {
    NodeSettings.atLeast(replication, 1, "replication");
    NodeSettings.atLeast(writeQuorum, 1, "write-quorum");
    if (writeQuorum > replication) {
      throw new IllegalArgumentException("write-quorum (" + writeQuorum
          + ") must not exceed replication (" + replication + ")");
    }
    NodeSettings.positive(defaultTtl, "default-ttl");
    if (defaultTtl.compareTo(MIN_TTL) < 0) {
      throw new IllegalArgumentException("default-ttl must be at least " + MIN_TTL);
    }
    NodeSettings.positive(maxTtl, "max-ttl");
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("max-clock-skew must not be negative");
    }
    if (defaultTtl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException("default-ttl must not exceed max-ttl");
    }
    NodeSettings.atLeast(maxValueBytes, 1, "max-value-size");
    NodeSettings.atLeast(maxRecords, 1, "max-records");
    if (maxBytes < maxValueBytes) {
      throw new IllegalArgumentException("max-bytes must be at least max-value-size");
    }
    NodeSettings.atLeast(maxPublishersPerKey, 1, "max-publishers-per-key");
    NodeSettings.atLeast(snapshotEvery, 1, "snapshot-every");
    NodeSettings.positive(republishInterval, "republish-interval");
    NodeSettings.positive(replicationDebounce, "replication-debounce");
    NodeSettings.atLeast(replicationInFlight, 1, "replication-in-flight");
    NodeSettings.positive(expirySweepInterval, "expiry-sweep-interval");
    NodeSettings.positive(storeTimeout, "store-timeout");
  }

  /** The record rules these settings give (RecordValidator's limits). */
  public RecordLimits recordLimits() {
    return new RecordLimits(maxValueBytes, MIN_TTL, maxTtl, maxClockSkew, maxPublishersPerKey);
  }

  /**
   * Acknowledgements a put needs when {@code liveReplicas} peers make up the replica set: the
   * configured quorum, or a majority of the live replica set on a network smaller than
   * {@code replication} (so a lone peer can hold the only copy, and says so).
   */
  public int quorumFor(int liveReplicas) {
    if (liveReplicas >= replication) {
      return writeQuorum;
    }
    return Math.min(writeQuorum, liveReplicas / 2 + 1);
  }

  /**
   * Answers of the replica set a get needs before "no record" means the key does not exist,
   * when {@code knownReplicas} nodes make up the replica set: enough that any put acknowledged
   * by {@link #quorumFor} of them shares a replica with the answers (R + W &gt; N), so
   * {@code replication - writeQuorum + 1} on a full network and 1 on a lone node.
   */
  public int readQuorumFor(int knownReplicas) {
    int n = Math.min(knownReplicas, replication);
    return Math.max(1, n - quorumFor(n) + 1);
  }
}
