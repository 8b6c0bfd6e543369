package io.kadence.node;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.RecordLimits;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.node.lookup.GetCoordinator;
import io.kadence.node.lookup.LookupActor;
import io.kadence.node.lookup.LookupQuery;
import io.kadence.node.lookup.PutCoordinator;
import io.kadence.node.routing.ContactsView;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.pattern.StatusReply;

/**
 * The guardian's request work, kept out of its lifecycle: checks a put and signs its record,
 * asks the routing table for a request's starting contacts, spawns one coordinator per request
 * (DESIGN.md: fan-out is a per-request child that replies once and stops) and joins the
 * cluster; {@link NodeQueries} answers the questions about this peer alone. Runs on the
 * guardian's thread only.
 */
final class NodeOperations {
  private final ActorContext<NodeGuardian.Command> context;
  private final NodeSettings settings;
  private final NodeKeyPair identity;
  private final Clock clock;
  private final RecordValidator validator;
  private long lastSequence;

  NodeOperations(ActorContext<NodeGuardian.Command> context, NodeSettings settings,
      NodeKeyPair identity, Clock clock) {
    this.context = context;
    this.settings = settings;
    this.identity = identity;
    this.clock = clock;
    this.validator = new RecordValidator(settings.storage().recordLimits(), clock);
  }

  /**
   * Joins the cluster as {@code self}: a new network at its own address if {@code seeds} is
   * empty, otherwise through the seeds (Pekko retries them until one answers).
   */
  void join(Contact self, List<HostPort> seeds) {
    Cluster cluster = Cluster.get(context.getSystem());
    if (seeds.isEmpty()) {
      context.getLog().info("node {}: starting a new network at {}", self.id().shortHex(),
          self.address());
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      context.getLog().info("node {}: joining through {}", self.id().shortHex(), seeds);
      cluster.manager().tell(new JoinSeedNodes(seeds.stream()
          .map(s -> new Address("pekko", context.getSystem().name(), s.host(), s.port()))
          .toList()));
    }
  }

  /** Answers {@code request} with an error, without doing anything. */
  void refuse(NodeGuardian.Command request, String reason) {
    if (request instanceof NodeGuardian.Put put) {
      put.replyTo().tell(StatusReply.error(reason));
    } else if (request instanceof NodeGuardian.Get get) {
      get.replyTo().tell(StatusReply.error(reason));
    } else if (request instanceof NodeGuardian.Lookup lookup) {
      lookup.replyTo().tell(StatusReply.error(reason));
    }
  }

  /**
   * Signs a put's record and checks it against the node's own limits (bad input is refused here,
   * before any network traffic), then starts the request's coordinator from the k contacts
   * closest to its target. They are read from the routing table's {@link ContactsView}, not
   * asked of the routing actor: an ask that timed out while the actor was busy with a burst of
   * failure verdicts started a get from no contacts at all, and its lookup, having asked nobody,
   * made this node the whole replica set and answered "not found" for a key six live peers held
   * (64 peers, kill of 25%, 2026-12-06 20:25 UTC; docs/BENCHMARKS.md). The routing actor is told
   * that the target's bucket had a lookup (Kademlia, section 2.3: buckets without one are
   * refreshed).
   */
  void route(NodeParts parts, NodeGuardian.Command request) {
    SignedRecord record = null;
    NodeId target;
    if (request instanceof NodeGuardian.Put put) {
      record = sign(put);
      RecordValidity validity = validator.validate(record);
      if (!validity.isValid()) {
        refuse(request, explain(validity, put));
        return;
      }
      target = put.key().id();
    } else if (request instanceof NodeGuardian.Get get) {
      target = get.key().id();
    } else {
      target = ((NodeGuardian.Lookup) request).target();
    }
    parts.routing().tell(new RoutingTableActor.LookedUp(target));
    run(parts, request, record,
        parts.contacts().closest(target, settings.routing().k(), parts.self().id()));
  }

  /** Spawns the coordinator of a routed request; it replies to the requester once. */
  private void run(NodeParts parts, NodeGuardian.Command request, SignedRecord record,
      List<Contact> initial) {
    var op = parts.operations();
    if (request instanceof NodeGuardian.Put put) {
      var reply = context.spawnAnonymous(StatusForwarder.create(put.replyTo()));
      context.spawnAnonymous(PutCoordinator.create(op, record, put.expected(), initial, reply));
    } else if (request instanceof NodeGuardian.Get get) {
      var reply = context.spawnAnonymous(StatusForwarder.create(get.replyTo()));
      context.spawnAnonymous(GetCoordinator.create(op, get.key(), initial, reply));
    } else if (request instanceof NodeGuardian.Lookup lookup) {
      var reply = context.spawnAnonymous(StatusForwarder.create(lookup.replyTo()));
      context.spawnAnonymous(LookupActor.create(LookupQuery.findNode(lookup.target(),
          parts.self().id(), settings.routing().k(), settings.lookup().alpha(), initial), op, reply));
    }
  }

  /** Looks up ids in the buckets that had no lookup for the refresh interval (section 2.3). */
  void refreshIdleBuckets(NodeParts parts) {
    context.pipeToSelf(Asks.<RoutingTableActor.Command, List<NodeId>>ask(parts.routing(),
            RoutingTableActor.GetRefreshTargets::new, settings.lookup().requestTimeout(),
            context.getSystem().scheduler()),
        (targets, failure) -> new NodeGuardian.Refresh(failure == null ? targets : List.of()));
  }

  /** Starts a lookup of each target whose result nobody waits for: it only fills buckets. */
  void refresh(List<NodeId> targets) {
    for (NodeId target : targets) {
      context.getSelf().tell(new NodeGuardian.Lookup(target, context.getSystem().ignoreRef()));
    }
  }

  /**
   * Signs a put as this node, with a sequence number that always grows: the clock's millis, or
   * one more than the last number used if the clock has not moved on (or went back).
   */
  private SignedRecord sign(NodeGuardian.Put put) {
    lastSequence = Math.max(lastSequence + 1, clock.millis());
    Duration ttl = put.ttl() == null ? settings.storage().defaultTtl() : put.ttl();
    if (ttl.isNegative() || ttl.isZero()) {
      ttl = Duration.ofMillis(1); // refused by the validator with TTL_OUT_OF_RANGE
    }
    return SignedRecord.create(identity, put.key(), lastSequence, clock.instant(), ttl,
        put.value());
  }

  private String explain(RecordValidity validity, NodeGuardian.Put put) {
    RecordLimits limits = settings.storage().recordLimits();
    return switch (validity) {
      case VALUE_TOO_LARGE -> "value too large: " + put.value().length + " bytes, the limit is "
          + limits.maxValueBytes();
      case TTL_OUT_OF_RANGE -> "ttl out of range: must be between " + limits.minTtl() + " and "
          + limits.maxTtl();
      default -> "record refused: " + validity;
    };
  }
}
