package io.kadence.node.http;

import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.NodeInfo;
import io.kadence.node.routing.RoutingTableActor.RoutingSnapshot;
import io.kadence.node.settings.HostPort;
import io.kadence.node.storage.StorageActor.StorageStats;
import io.kadence.node.transport.NodeStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON answers of {@code /v1/node}, {@code /v1/stats} and {@code /v1/routing}
 * (docs/HTTP-API.md, "Shapes"). Counter maps always hold every reason, zero or not, so that a
 * client sees the same keys on every call.
 */
final class NodeJson {
  private NodeJson() {}

  /** Identity, address, state, uptime and counters of the peer, and its process. */
  record Node(String id, String address, String state, long uptimeMs, int routingContacts,
      int members, int unreachable, Storage storage, Messages messages, ProcessJson process) {
    static Node of(NodeInfo info) {
      return new Node(info.id().toHex(), new HostPort(info.host(), info.port()).toString(),
          info.state().name(), info.uptime().toMillis(), info.routingContacts(), info.members(),
          info.unreachable(), Storage.of(info.storage()), Messages.of(info.messages()),
          ProcessJson.now());
    }
  }

  /** The {@code storage} and {@code messages} objects of {@link Node}. */
  record Stats(Storage storage, Messages messages) {
    static Stats of(NodeInfo info) {
      return new Stats(Storage.of(info.storage()), Messages.of(info.messages()));
    }
  }

  /** The record store: records, keys, value bytes held, and stores refused by reason. */
  record Storage(int records, int keys, long valueBytes, Map<String, Long> refusals) {
    static Storage of(StorageStats stats) {
      Map<String, Long> refusals = new LinkedHashMap<>();
      for (StoreRefusal reason : StoreRefusal.values()) {
        refusals.put(reason.name(), stats.refused(reason));
      }
      return new Storage(stats.records(), stats.keys(), stats.valueBytes(), refusals);
    }
  }

  /**
   * Traffic of the signed RPC: requests served, rejected and made, by type or reason, and the
   * signed envelopes sent (requests and replies; see {@link NodeStats}).
   */
  record Messages(Map<String, Long> inboundRequests, Map<String, Long> inboundRejections,
      long handlerFailures, Map<String, Long> outboundCalls,
      Map<String, Long> outboundFailures, long requestsSent, long repliesSent) {
    static Messages of(NodeStats.Snapshot s) {
      return new Messages(s.inboundRequests(), byName(s.inboundRejections()),
          s.handlerFailures(), s.outboundCalls(), byName(s.outboundFailures()), s.requestsSent(),
          s.repliesSent());
    }
  }

  /** The routing table: this peer's id, its contact count, and its non-empty buckets. */
  record Routing(String self, int size, List<Bucket> buckets) {
    static Routing of(RoutingSnapshot snapshot) {
      return new Routing(snapshot.self().toHex(), snapshot.size(), snapshot.buckets().stream()
          .map(b -> new Bucket(b.index(), ContactJson.of(b.contacts()), ContactJson.of(b.cache())))
          .toList());
    }
  }

  /** One k-bucket: its index (0 closest, 255 farthest), contacts and replacement cache. */
  record Bucket(int index, List<ContactJson> contacts, List<ContactJson> cache) {}

  private static <E extends Enum<E>> Map<String, Long> byName(Map<E, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((reason, count) -> out.put(reason.name(), count));
    return out;
  }
}
