package io.kadence.bench.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ObserveResult;
import io.kadence.dht.routing.RoutingTable;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Builds the routing tables the way a real network gets them: nodes join one at a time, in a
 * random order, through the first node as bootstrap (Kademlia, section 2.3: "u inserts w into
 * the appropriate k-bucket. u then performs a node lookup for its own node ID. Finally, u
 * refreshes all k-buckets further away than its closest neighbor"). Every request is answered
 * at once and nothing is lost: only the tables matter here. Both sides learn from each
 * exchange as section 2.2 says: the joining node observes every node that answered it, and
 * every queried node observes the joining node (a full bucket pings its least-recently seen
 * contact, which, everybody being alive, stays; the newcomer waits in the replacement cache).
 *
 * <p>Sequential and about 15 lookups per join: seconds for 10,000 nodes, many minutes for
 * 100,000. The default build is {@link TableBuilder}; this one is there to check that the
 * direct build does not flatter the results.
 */
final class JoinBuilder {
  private static final Duration REFRESH = Duration.ofHours(1);

  private final Population population;
  private final RoutingTable[] tables;
  private final int k;
  private final int alpha;

  private JoinBuilder(Population population, int k, int cacheSize, int alpha) {
    this.population = population;
    this.tables = new RoutingTable[population.size()];
    this.k = k;
    this.alpha = alpha;
    for (int node = 0; node < tables.length; node++) {
      tables[node] = new RoutingTable(population.id(node), k, cacheSize, REFRESH,
          TableBuilder.CLOCK);
    }
  }

  /** The tables after every node of {@code population} joined, in an order drawn from seed. */
  static RoutingTable[] join(Population population, int k, int cacheSize, int alpha, long seed) {
    JoinBuilder builder = new JoinBuilder(population, k, cacheSize, alpha);
    Random random = new Random(seed);
    int[] order = new int[population.size()];
    for (int i = 0; i < order.length; i++) {
      int swap = random.nextInt(i + 1); // inside-out Fisher-Yates
      order[i] = order[swap];
      order[swap] = i;
    }
    for (int i = 1; i < order.length; i++) {
      builder.join(order[i], order[0], random);
    }
    return builder.tables;
  }

  private void join(int node, int bootstrap, Random random) {
    RoutingTable table = tables[node];
    NodeId self = population.id(node);
    table.observe(population.contact(bootstrap));
    lookup(node, self);
    List<Contact> nearest = table.closest(self, 1);
    int lowest = nearest.isEmpty() ? NodeId.BITS - 1 : self.bucketIndex(nearest.get(0).id());
    for (int bucket = lowest + 1; bucket < NodeId.BITS; bucket++) {
      lookup(node, table.refreshTarget(bucket, random));
    }
  }

  /** A FIND_NODE lookup by {@code node}, answered at once by every queried node. */
  private void lookup(int node, NodeId target) {
    RoutingTable table = tables[node];
    LookupState<Void> state =
        LookupState.findNode(target, table.self(), k, alpha, table.closest(target, k));
    for (int steps = 0; !state.isDone(); steps++) {
      List<Contact> requests = state.nextRequests();
      if (requests.isEmpty() || steps > 10 * population.size()) {
        throw new IllegalStateException("join lookup stalled");
      }
      for (Contact peer : requests) {
        int queried = population.indexOf(peer.id());
        state.onResponse(peer.id(), tables[queried].closest(target, k));
        table.observe(peer);
        if (tables[queried].observe(population.contact(node))
            instanceof ObserveResult.BucketFull full) {
          tables[queried].pingSucceeded(full.leastRecentlySeen().id());
        }
      }
    }
  }
}
