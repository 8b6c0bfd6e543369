package io.kadence.node.lookup;

import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.routing.Contact;
import io.kadence.node.settings.LookupSettings;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.settings.StorageSettings;
import io.kadence.node.storage.LocalStore;
import io.kadence.node.transport.PeerRpc;
import java.time.Clock;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What every lookup, put and get of one node works with: the local node's contact, the signed
 * RPC to other peers, the local replica, the reader's record validator, a ticker for traces, and
 * the settings (k and alpha of Kademlia, section 2.3; replication and quorum of DESIGN.md, "Data
 * placement"). Built once by the node and handed to every {@link LookupActor},
 * {@link PutCoordinator} and {@link GetCoordinator} it spawns.
 *
 * @param self the local node as peers know it
 * @param rpc the outbound signed RPC
 * @param localStore this node's own record store
 * @param validator checks records returned by peers (and their expiry)
 * @param nanoTime a monotonic ticker in nanoseconds, {@code System::nanoTime} outside tests
 * @param routing k
 * @param lookup alpha, per-request and overall timeouts
 * @param storage replication, write quorum, publisher quota
 * @param roundTrips what the node's lookups measured, for the next lookup's first requests
 * @param clusterPeers how many peers the cluster counts (members neither down nor on their way
 *     out, reachable or not, this node included); 0 outside a cluster. Read by every put and
 *     get, from their own threads
 */
public record OperationContext(Contact self, PeerRpc rpc, LocalStore localStore,
    RecordValidator validator, LongSupplier nanoTime, RoutingSettings routing,
    LookupSettings lookup, StorageSettings storage, RoundTripEstimate roundTrips,
    IntSupplier clusterPeers) {

  /** Checks the fields. */
  public OperationContext {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(localStore, "localStore");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(nanoTime, "nanoTime");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(roundTrips, "roundTrips");
    Objects.requireNonNull(clusterPeers, "clusterPeers");
  }

  /** A context outside a cluster: only what lookups find counts. */
  public OperationContext(Contact self, PeerRpc rpc, LocalStore localStore,
      RecordValidator validator, LongSupplier nanoTime, RoutingSettings routing,
      LookupSettings lookup, StorageSettings storage, RoundTripEstimate roundTrips) {
    this(self, rpc, localStore, validator, nanoTime, routing, lookup, storage, roundTrips,
        () -> 0);
  }

  /**
   * The size of a key's replica set as far as this node can tell: {@code seen}, what its lookup
   * found (this node included), but no fewer than the cluster's peers, up to
   * {@code replication}. A node whose routing table has lost its contacts (cut off, or its
   * routing behind a burst of failure verdicts) is not a lone node while the cluster still
   * counts other peers: it must neither acknowledge a put with its own copy nor call a key
   * missing because it holds none.
   */
  public int replicasKnown(int seen) {
    return Math.max(seen, Math.min(storage.replication(), clusterPeers.getAsInt()));
  }

  /**
   * The context of a running node: records are validated against {@code settings}' limits at
   * the time of {@code clock}, traces timed by {@code System.nanoTime}.
   */
  public static OperationContext of(Contact self, PeerRpc rpc, LocalStore localStore,
      NodeSettings settings, Clock clock, IntSupplier clusterPeers) {
    return new OperationContext(self, rpc, localStore,
        new RecordValidator(settings.storage().recordLimits(), clock), System::nanoTime,
        settings.routing(), settings.lookup(), settings.storage(), new RoundTripEstimate(),
        clusterPeers);
  }
}
