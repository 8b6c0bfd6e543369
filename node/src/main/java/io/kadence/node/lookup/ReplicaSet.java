package io.kadence.node.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The replica-set rules of a key (DESIGN.md, "Data placement"; Kademlia, section 2.3: a
 * {@code STORE} goes to the k closest nodes to the key): which nodes hold a key's copies, and how
 * many answers a read waits for. Pure functions, tested without an actor system.
 */
public final class ReplicaSet {
  private ReplicaSet() {}

  /**
   * The {@code replication} nodes closest to {@code key} by XOR distance among {@code self} and
   * {@code responded} (the peers a lookup heard from), closest first, each id once. The local
   * node is a replica like any other when it is among the closest.
   */
  public static List<Contact> closest(NodeId key, Contact self, Collection<Contact> responded,
      int replication) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(self, "self");
    if (replication < 1) {
      throw new IllegalArgumentException("replication must be at least 1: " + replication);
    }
    // XOR distance to the key is a total order on ids, so the map also deduplicates.
    TreeMap<NodeId, Contact> byDistance = new TreeMap<>(key.distanceOrder());
    byDistance.put(self.id(), self);
    for (Contact contact : responded) {
      byDistance.putIfAbsent(contact.id(), contact);
    }
    List<Contact> out = new ArrayList<>(replication);
    for (Contact contact : byDistance.values()) {
      if (out.size() == replication) {
        break;
      }
      out.add(contact);
    }
    return List.copyOf(out);
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
