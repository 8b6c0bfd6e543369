package io.kadence.node.http;

import io.kadence.dht.id.NodeId;
import io.kadence.node.KadenceNode;
import io.kadence.node.membership.MemberDirectory;
import io.kadence.node.settings.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;

/**
 * {@code GET /v1/members} (docs/HTTP-API.md): the cluster members this peer's gossip knows
 * (DESIGN.md, "Membership", cluster mode), each with its status, its node ID once this peer has
 * proven it ({@link MemberDirectory}), and whether this peer's failure detector reaches it.
 */
final class MemberRoutes extends ApiDirectives {
  private final KadenceNode node;

  MemberRoutes(KadenceNode node, Logger log) {
    super(log);
    this.node = node;
  }

  Route route() {
    return path("members", () -> get(() -> complete(Json.ok(members()))));
  }

  private Members members() {
    CurrentClusterState state = Cluster.get(node.actorSystem()).state();
    Set<Member> unreachable = state.getUnreachable();
    List<MemberJson> members = new ArrayList<>();
    for (Member member : state.getMembers()) {
      members.add(new MemberJson(address(member.address()),
          node.members().idOf(member).map(NodeId::toHex).orElse(null), member.status().toString(),
          !unreachable.contains(member)));
    }
    return new Members(members);
  }

  private static String address(Address address) {
    if (address.host().isEmpty() || address.port().isEmpty()) {
      return address.toString();
    }
    return new HostPort(address.host().get(), (Integer) address.port().get()).toString();
  }

  /** The answer: every member the cluster state holds, in address order. */
  record Members(List<MemberJson> members) {}

  /**
   * One member.
   *
   * @param address its {@code host:port}
   * @param id its node ID, or null until this peer has proven it (its signed answer to a PING)
   * @param status Pekko's member status: {@code Joining}, {@code Up}, {@code Leaving}, ...
   * @param reachable false if this peer's failure detector marks it unreachable
   */
  record MemberJson(String address, String id, String status, boolean reachable) {}
}
