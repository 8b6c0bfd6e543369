package io.kadence.dht.routing;

import io.kadence.dht.id.NodeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The replica-set rule (DESIGN.md, "Data placement"): the replica set of a key is the
 * {@code replication} live nodes closest to it by XOR distance (Kademlia, section 2.3: STORE
 * goes to the k closest nodes; Kadence keeps {@code replication} copies, usually fewer than k).
 */
public final class ReplicaSets {
  private ReplicaSets() {}

  /**
   * The {@code replication} contacts closest to {@code target} among {@code candidates}, closest
   * first, each node once (by id). Selects with a bounded heap: O(n log r), no full sort.
   */
  public static List<Contact> closest(NodeId target, Collection<Contact> candidates,
      int replication) {
    if (replication < 1) {
      throw new IllegalArgumentException("replication must be at least 1, got " + replication);
    }
    Comparator<Contact> byDistance = (a, b) -> target.compareDistance(a.id(), b.id());
    PriorityQueue<Contact> farthestFirst = new PriorityQueue<>(replication + 1,
        byDistance.reversed());
    Set<NodeId> seen = new HashSet<>();
    for (Contact c : candidates) {
      if (!seen.add(c.id())) {
        continue;
      }
      farthestFirst.add(c);
      if (farthestFirst.size() > replication) {
        farthestFirst.poll();
      }
    }
    List<Contact> set = new ArrayList<>(farthestFirst);
    set.sort(byDistance);
    return set;
  }

  /**
   * The replica set of {@code target} as the node {@code self} sees it: the closest
   * {@code replication} of its known live contacts and itself.
   */
  public static List<Contact> withSelf(NodeId target, Contact self, Collection<Contact> known,
      int replication) {
    List<Contact> all = new ArrayList<>(known.size() + 1);
    all.add(self);
    all.addAll(known);
    return closest(target, all, replication);
  }

  /**
   * How many peers must have returned a value before a get may stop looking: the larger of
   * {@code writeQuorum} and {@code replication - writeQuorum + 1}.
   *
   * <p>With N = {@code replication} replicas and W = {@code writeQuorum} acknowledgements per
   * put, any R answers of the replica set with R + W &gt; N include one replica that acknowledged
   * the newest put (quorum intersection), so R = N - W + 1 is the least that sees it. An
   * iterative lookup hears from far peers first, though, and those may hold copies from before
   * the replica set moved; waiting also for W values (at least a majority with the defaults, 3
   * of 5) makes it likely that the values come from the replica set itself. Stopping early is
   * only an optimisation: when fewer peers hold the key, the lookup runs until it converges.
   */
  public static int readQuorum(int replication, int writeQuorum) {
    if (writeQuorum < 1 || writeQuorum > replication) {
      throw new IllegalArgumentException(
          "need 1 <= writeQuorum <= replication, got " + writeQuorum + " of " + replication);
    }
    return Math.max(writeQuorum, replication - writeQuorum + 1);
  }
}
