package io.kadence.node.membership;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;

/**
 * A peer announces its node ID to the cluster as a role, {@code kadence-<64 hex>}, so that
 * members can address a signed PING to it before it is in any routing table. The role is a
 * claim: a member enters a routing table only after its PONG, signed by the key whose hash is
 * that ID, proves it.
 */
public final class MemberIds {
  static final String PREFIX = "kadence-";

  private MemberIds() {}

  /** The cluster role that announces {@code id}. */
  public static String roleOf(NodeId id) {
    return PREFIX + id.toHex();
  }

  /** The node ID a member announces, if it announces one that parses. */
  public static Optional<NodeId> idOf(Member member) {
    for (String role : member.getRoles()) {
      if (role.startsWith(PREFIX) && role.length() == PREFIX.length() + NodeId.BYTES * 2) {
        try {
          return Optional.of(NodeId.fromHex(role.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The member as a routing contact (its announced ID, its address), if it announces an ID. */
  public static Optional<Contact> contactOf(Member member) {
    Address address = member.address();
    if (address.host().isEmpty() || address.port().isEmpty()) {
      return Optional.empty();
    }
    return idOf(member).map(id -> new Contact(id, address.host().get(),
        (Integer) address.port().get()));
  }

  /**
   * The members of {@code state} that are neither down nor on their way out (joining, up,
   * weakly up, unreachable or not), as contacts: peers whose copies stay where they are.
   */
  public static Set<Contact> liveMembers(ClusterEvent.CurrentClusterState state) {
    Set<Contact> live = new HashSet<>();
    for (Member member : state.getMembers()) {
      MemberStatus status = member.status();
      if (status != MemberStatus.down() && status != MemberStatus.removed()
          && status != MemberStatus.exiting() && status != MemberStatus.leaving()) {
        contactOf(member).ifPresent(live::add);
      }
    }
    return live;
  }
}
