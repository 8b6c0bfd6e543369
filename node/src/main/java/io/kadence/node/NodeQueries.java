package io.kadence.node;

import io.kadence.dht.record.SignedRecord;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.storage.StorageLocalStore;
import io.kadence.node.transport.NodeStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.pattern.StatusReply;

/**
 * Answers the guardian's {@link NodeGuardian.Query questions about this peer alone} — its info,
 * routing table and held records — in whatever state the node is, without asking the network.
 * {@code parts} is null while the node starts. Runs on the guardian's thread only.
 */
final class NodeQueries {
  private final ActorContext<NodeGuardian.Command> context;
  private final NodeSettings settings;
  private final NodeStats stats;

  NodeQueries(ActorContext<NodeGuardian.Command> context, NodeSettings settings,
      NodeStats stats) {
    this.context = context;
    this.settings = settings;
    this.stats = stats;
  }

  void answer(NodeGuardian.Query query, NodeParts parts, NodeState state, Duration uptime) {
    if (query instanceof NodeGuardian.GetInfo info) {
      info(parts, state, uptime, info.replyTo());
    } else if (query instanceof NodeGuardian.GetRouting routing) {
      routing(parts, routing.replyTo());
    } else if (query instanceof NodeGuardian.GetHeld held) {
      held(parts, store -> store.get(held.key()), held.replyTo());
    } else if (query instanceof NodeGuardian.GetAllHeld all) {
      held(parts, StorageLocalStore::allRecords, all.replyTo());
    }
  }

  private void info(NodeParts parts, NodeState state, Duration uptime,
      ActorRef<StatusReply<NodeInfo>> replyTo) {
    if (parts == null) {
      replyTo.tell(StatusReply.error("node is " + state.name().toLowerCase()));
      return;
    }
    var cluster = Cluster.get(context.getSystem()).state();
    int total = cluster.members().size();
    int unreachable = cluster.getUnreachable().size();
    parts.store().stats().thenCombine(snapshot(parts), (storage, routing) -> new NodeInfo(
            parts.self().id(), parts.self().host(), parts.self().port(), state, uptime,
            routing.size(), total, unreachable, storage, stats.snapshot()))
        .whenComplete((info, failure) -> replyTo.tell(failure == null
            ? StatusReply.success(info) : StatusReply.error("node did not answer: " + failure)));
  }

  /** The routing table by bucket. */
  private void routing(NodeParts parts,
      ActorRef<StatusReply<RoutingTableActor.RoutingSnapshot>> replyTo) {
    if (parts == null) {
      replyTo.tell(StatusReply.error("node is starting"));
      return;
    }
    snapshot(parts).whenComplete((snapshot, failure) -> replyTo.tell(failure == null
        ? StatusReply.success(snapshot) : StatusReply.error("routing did not answer")));
  }

  /** Records this peer itself holds, as {@code read} takes them from its store. */
  private void held(NodeParts parts,
      Function<StorageLocalStore, CompletionStage<List<SignedRecord>>> read,
      ActorRef<StatusReply<List<SignedRecord>>> replyTo) {
    if (parts == null) {
      replyTo.tell(StatusReply.error("node is starting"));
      return;
    }
    read.apply(parts.store()).whenComplete((records, failure) -> replyTo.tell(failure == null
        ? StatusReply.success(records)
        : StatusReply.error("store did not answer: " + failure.getMessage())));
  }

  private CompletionStage<RoutingTableActor.RoutingSnapshot> snapshot(NodeParts parts) {
    return Asks.ask(parts.routing(), RoutingTableActor.GetSnapshot::new,
        settings.lookup().requestTimeout(), context.getSystem().scheduler());
  }
}
