package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Every peer one lookup has heard of, ordered by XOR distance to the target (libp2p's
 * {@code qpeerset}; Kademlia, section 2.3). Answers the two questions the lookup asks of it:
 * which candidates to query next, and whether the closest non-failed peers have all
 * responded. Never holds the local node. Owned by one {@link LookupState}.
 */
final class LookupPeerSet {
  private final NodeId self;
  private final int k;
  /** XOR distance to the target is a total order on ids, so the map also deduplicates. */
  private final TreeMap<NodeId, LookupPeer> peers;

  LookupPeerSet(NodeId target, NodeId self, int k) {
    this.self = self;
    this.k = k;
    this.peers = new TreeMap<>(target.distanceOrder());
  }

  /**
   * Hears of {@code contact} through a referral chain of {@code hop} peers; true if it is new.
   * A known peer keeps the address it was first heard with; a candidate not yet queried takes
   * the shorter chain.
   */
  boolean learn(Contact contact, int hop) {
    if (contact == null || contact.id().equals(self)) {
      return false;
    }
    LookupPeer known = peers.get(contact.id());
    if (known == null) {
      peers.put(contact.id(), new LookupPeer(contact, hop));
      return true;
    }
    if (known.state == PeerState.HEARD && hop < known.hop) {
      known.hop = hop;
    }
    return false;
  }

  LookupPeer get(NodeId id) {
    return peers.get(id);
  }

  /** All peers, closest to the target first. */
  Collection<LookupPeer> closestFirst() {
    return peers.values();
  }

  /** Up to {@code max} {@link PeerState#HEARD} peers among the k closest non-failed, closest first. */
  List<LookupPeer> candidates(int max) {
    List<LookupPeer> out = new ArrayList<>();
    int rank = 0;
    for (LookupPeer peer : peers.values()) {
      if (out.size() >= max || rank >= k) {
        break;
      }
      if (peer.state != PeerState.FAILED) {
        rank++;
        if (peer.state == PeerState.HEARD) {
          out.add(peer);
        }
      }
    }
    return out;
  }

  /**
   * {@link LookupOutcome#CONVERGED} if the {@code width} closest non-failed peers all responded,
   * {@link LookupOutcome#EXHAUSTED} if fewer than {@code width} are non-failed and all of those
   * responded, {@link LookupOutcome#UNFINISHED} otherwise.
   */
  LookupOutcome closestOutcome(int width) {
    int responded = 0;
    for (LookupPeer peer : peers.values()) {
      if (peer.state == PeerState.FAILED) {
        continue;
      }
      if (peer.state != PeerState.RESPONDED) {
        return LookupOutcome.UNFINISHED;
      }
      if (++responded == width) {
        return LookupOutcome.CONVERGED;
      }
    }
    return LookupOutcome.EXHAUSTED;
  }
}
