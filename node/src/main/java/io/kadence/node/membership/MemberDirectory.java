package io.kadence.node.membership;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;

/**
 * The node IDs of the cluster members, as this peer has proven them. A member announces nothing
 * but its address; {@link Membership} learns its node ID from the signed PONG to a PING
 * addressed to anyone at that address ({@code PeerRpc.identify}), and forgets it when the member
 * is removed. Keyed by the member's unique address, so a peer restarted at the same address (a
 * new incarnation, perhaps with a new identity) is identified afresh.
 *
 * <p>Written by the membership actor only; thread-safe to read (the HTTP API, the replicator).
 */
public final class MemberDirectory {
  private final ConcurrentMap<UniqueAddress, Contact> contacts = new ConcurrentHashMap<>();

  void put(UniqueAddress member, Contact contact) {
    contacts.put(member, contact);
  }

  Optional<Contact> remove(UniqueAddress member) {
    return Optional.ofNullable(contacts.remove(member));
  }

  /** The member as a routing contact (its proven ID, its address), once it is identified. */
  public Optional<Contact> contactOf(Member member) {
    return Optional.ofNullable(contacts.get(member.uniqueAddress()));
  }

  /** The member's proven node ID, once it is identified. */
  public Optional<NodeId> idOf(Member member) {
    return contactOf(member).map(Contact::id);
  }

  /**
   * The identified members of {@code state} that are neither down nor on their way out
   * (joining, up, weakly up, unreachable or not), as contacts: peers whose copies stay where
   * they are.
   */
  public Set<Contact> liveMembers(ClusterEvent.CurrentClusterState state) {
    Set<Contact> live = new HashSet<>();
    for (Member member : state.getMembers()) {
      if (live(member)) {
        contactOf(member).ifPresent(live::add);
      }
    }
    return live;
  }

  /**
   * How many members of {@code state} are neither down nor on their way out, identified or
   * not, reachable or not: the peers the cluster counts.
   */
  public static int liveCount(ClusterEvent.CurrentClusterState state) {
    int live = 0;
    for (Member member : state.getMembers()) {
      if (live(member)) {
        live++;
      }
    }
    return live;
  }

  private static boolean live(Member member) {
    MemberStatus status = member.status();
    return status != MemberStatus.down() && status != MemberStatus.removed()
        && status != MemberStatus.exiting() && status != MemberStatus.leaving();
  }
}
