package io.kadence.node;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.WireCodec;
import io.kadence.node.lookup.OperationContext;
import io.kadence.node.membership.MemberDirectory;
import io.kadence.node.membership.Membership;
import io.kadence.node.replication.Replicator;
import io.kadence.node.replication.ReplicatorSettings;
import io.kadence.node.routing.ContactsView;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.storage.StorageActor;
import io.kadence.node.storage.StorageLocalStore;
import io.kadence.node.storage.StoreView;
import io.kadence.node.transport.NodeStats;
import io.kadence.node.transport.PeerAddresses;
import io.kadence.node.transport.PeerEndpoint;
import io.kadence.node.transport.PeerEvents;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import io.kadence.node.transport.SignedPeerRpc;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The running parts of a peer, spawned by {@link NodeGuardian} in dependency order: the store,
 * the signed RPC, the routing table, the endpoint that answers other peers, the replicator and
 * membership. Children are named, so their paths are stable ({@code /user/endpoint} is the
 * address other peers call).
 */
record NodeParts(
    Contact self,
    PeerRpc rpc,
    StorageLocalStore store,
    ActorRef<RoutingTableActor.Command> routing,
    ContactsView contacts,
    ActorRef<Replicator.Command> replicator,
    OperationContext operations) {

  static NodeParts spawn(ActorContext<NodeGuardian.Command> ctx, NodeSettings settings,
      NodeKeyPair identity, Contact self, Clock clock, NodeStats stats, MemberDirectory members,
      Path contactsFile,
      ActorRef<RoutingTableActor.ContactsChanged> tableChanges,
      ActorRef<Membership.Change> membershipChanges) {
    var storeView = new StoreView();
    var storage = ctx.spawn(StorageActor.create(self.id(), settings.storage(), clock, storeView),
        "storage");
    var store = new StorageLocalStore(storage, storeView, clock, ctx.getSystem().scheduler(),
        settings.lookup().timeout());
    WireCodec codec = new WireCodec(settings.wireLimits());
    RoutingEvents events = new RoutingEvents();
    PeerRpc rpc = new SignedPeerRpc(ctx.getSystem(), identity, codec, clock,
        settings.security().freshnessWindow(), settings.maxEnvelopeBytes(), events, stats);
    var contacts = new ContactsView();
    var routing = ctx.spawn(RoutingTableActor.create(self.id(), settings.routing(), rpc, clock,
        Optional.of(contactsFile), tableChanges, contacts), "routing");
    events.attach(routing);
    var handler = new LocalRequestHandler(routing, contacts, store, settings.routing().k(),
        settings.storage().maxPublishersPerKey());
    ctx.spawn(PeerEndpoint.create(identity, codec, settings.security(), handler, events, stats,
        clock), PeerAddresses.ENDPOINT_NAME);
    Cluster cluster = Cluster.get(ctx.getSystem());
    var replicator = ctx.spawn(Replicator.create(self, ReplicatorSettings.of(settings), rpc,
        store, contacts, () -> members.liveMembers(cluster.state())), "replicator");
    ctx.spawn(Membership.create(self, routing, membershipChanges, rpc, settings.routing(),
        members), "membership");
    return new NodeParts(self, rpc, store, routing, contacts, replicator,
        OperationContext.of(self, rpc, store, settings, clock,
            () -> MemberDirectory.liveCount(cluster.state())));
  }

  /**
   * Reports what the transport learns to the routing actor: verified peers enter it, failed
   * calls count towards eviction. The routing actor needs the RPC and the RPC needs these
   * events, so the target is attached once the routing actor exists.
   */
  private static final class RoutingEvents implements PeerEvents {
    private volatile ActorRef<RoutingTableActor.Command> routing;

    void attach(ActorRef<RoutingTableActor.Command> routing) {
      this.routing = routing;
    }

    @Override
    public void verified(Contact peer) {
      ActorRef<RoutingTableActor.Command> target = routing;
      if (target != null) {
        target.tell(new RoutingTableActor.Verified(peer));
      }
    }

    @Override
    public void failed(Contact peer, PeerRpcException.Reason reason) {
      ActorRef<RoutingTableActor.Command> target = routing;
      if (target != null && reason != PeerRpcException.Reason.NOT_SENT) {
        target.tell(new RoutingTableActor.CallFailed(peer));
      }
    }
  }
}
