package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Every peer one lookup has heard of, ordered by XOR distance to the target (libp2p's
 * {@code qpeerset}; Kademlia, section 2.3). Answers the questions the lookup asks of it: which
 * candidates to query next, whether the closest non-failed peers have all responded, and what
 * the lookup found among them for its result. Never holds the local node. Owned by one
 * {@link LookupState}.
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

  /**
   * Hears of the {@code contacts} of one answer in the order given, each through a referral
   * chain of {@code hop} peers ({@link #learn}); returns how many were new.
   */
  int learnAll(List<Contact> contacts, int hop) {
    int added = 0;
    for (Contact contact : contacts) {
      if (learn(contact, hop)) {
        added++;
      }
    }
    return added;
  }

  LookupPeer get(NodeId id) {
    return peers.get(id);
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

  /**
   * What the lookup found among its peers, for its {@link LookupResult}, each list closest
   * first: the (at most) k peers that responded, those of them that returned no value, the
   * peers that failed or timed out and did not answer late, and the largest hop count among
   * the peers queried (0 if none was).
   */
  Found found() {
    List<Contact> closest = new ArrayList<>();
    List<Contact> withoutValue = new ArrayList<>();
    List<Contact> failed = new ArrayList<>();
    int rounds = 0;
    for (LookupPeer peer : peers.values()) {
      if (peer.state != PeerState.HEARD) {
        rounds = Math.max(rounds, peer.hop);
      }
      if (peer.state == PeerState.FAILED) {
        failed.add(peer.contact);
      } else if (peer.state == PeerState.RESPONDED && closest.size() < k) {
        closest.add(peer.contact);
        if (!peer.hasValue) {
          withoutValue.add(peer.contact);
        }
      }
    }
    return new Found(closest, withoutValue, failed, rounds);
  }

  /** What {@link #found()} returns. */
  record Found(List<Contact> closest, List<Contact> withoutValue, List<Contact> failed,
      int rounds) {}
}
