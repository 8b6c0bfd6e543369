package io.kadence.dht.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A network of simulated Kademlia nodes in one process, for testing the lookup at scale without
 * sockets or actors. Each node has a k-bucket table built from global knowledge (Kademlia,
 * section 2.2): for every bucket index, up to k nodes drawn at random among all nodes in that
 * bucket relative to it, so that a bucket holding at most k nodes is complete. A queried node
 * answers with the k contacts of its table closest to the target (section 2.3). Nodes can be
 * made to fail, time out, or answer late; their entries stay in the others' tables, as stale
 * entries do. Deterministic for a given {@link Random}.
 *
 * <p>Tables are built in O(n log n) overall: nodes are sorted by id, and the nodes that share a
 * prefix of a given length with a node form a contiguous run of the sorted order, so each bucket
 * is a run found by binary search.
 */
public final class SimulatedNetwork {
  /** How a simulated node treats a request. */
  public enum Behavior {
    /** Answers at once. */
    LIVE,
    /** Answers, but only after its request timed out: the lookup sees a timeout, then the answer. */
    SLOW,
    /** The request fails (connection refused, bad signature). */
    FAILS,
    /** The request times out and no answer ever comes. */
    TIMES_OUT
  }

  private final int k;
  private final NodeId[] ids;
  private final Contact[] contacts;
  private final int[][] tables;
  private final Behavior[] behavior;
  private final Map<NodeId, Integer> index = new HashMap<>();
  private final Map<NodeId, Map<Integer, String>> stored = new HashMap<>();

  private SimulatedNetwork(NodeId[] ids, int k, Random random) {
    this.k = k;
    this.ids = ids;
    this.contacts = new Contact[ids.length];
    this.tables = new int[ids.length][];
    this.behavior = new Behavior[ids.length];
    Arrays.fill(behavior, Behavior.LIVE);
    for (int i = 0; i < ids.length; i++) {
      contacts[i] = new Contact(ids[i], "sim" + i, 4000);
      if (index.put(ids[i], i) != null) {
        throw new IllegalStateException("duplicate random id");
      }
    }
    for (int i = 0; i < ids.length; i++) {
      tables[i] = buildTable(i, random);
    }
  }

  /** {@code n} nodes with random ids and bucket size {@code k}, all live. */
  public static SimulatedNetwork create(int n, int k, Random random) {
    NodeId[] ids = new NodeId[n];
    for (int i = 0; i < n; i++) {
      ids[i] = NodeId.random(random);
    }
    Arrays.sort(ids);
    return new SimulatedNetwork(ids, k, random);
  }

  public int size() {
    return ids.length;
  }

  public Contact contact(int node) {
    return contacts[node];
  }

  public int indexOf(NodeId id) {
    Integer node = index.get(id);
    if (node == null) {
      throw new IllegalArgumentException("no simulated node " + id.shortHex());
    }
    return node;
  }

  public Behavior behavior(int node) {
    return behavior[node];
  }

  public void setBehavior(int node, Behavior b) {
    behavior[node] = b;
  }

  /** Live nodes answer, slow ones late: both hold data and belong to the true closest set. */
  public boolean answers(int node) {
    return behavior[node] == Behavior.LIVE || behavior[node] == Behavior.SLOW;
  }

  /** A node drawn at random among those that answer (live or slow). */
  public int randomAnsweringNode(Random random) {
    int node;
    do {
      node = random.nextInt(ids.length);
    } while (!answers(node));
    return node;
  }

  /** Every contact in the table of {@code node}. */
  public List<Contact> table(int node) {
    List<Contact> out = new ArrayList<>(tables[node].length);
    for (int other : tables[node]) {
      out.add(contacts[other]);
    }
    return out;
  }

  /** The answer of {@code node} to FIND_NODE: the k contacts of its table closest to target. */
  public List<Contact> closestKnown(int node, NodeId target) {
    return Closest.of(tables[node], contacts, target, k, -1);
  }

  /** Brute force: the {@code count} answering nodes closest to {@code target}, but {@code self}. */
  public List<Contact> trueClosest(NodeId target, int count, int self, Set<Contact> excluded) {
    return closestAnswering(Arrays.asList(contacts), target, count, self, excluded);
  }

  /**
   * The {@code count} answering nodes of {@code among} closest to {@code target}, leaving out
   * the node {@code self} and the contacts {@code excluded}.
   */
  public List<Contact> closestAnswering(Collection<Contact> among, NodeId target, int count,
      int self, Set<Contact> excluded) {
    int[] nodes = among.stream().mapToInt(contact -> indexOf(contact.id()))
        .filter(node -> answers(node) && !excluded.contains(contacts[node])).toArray();
    return Closest.of(nodes, contacts, target, count, self);
  }

  /** Stores {@code value} under {@code key} on {@code node} (FIND_VALUE answers it). */
  public void store(NodeId key, int node, String value) {
    stored.computeIfAbsent(key, x -> new HashMap<>()).put(node, value);
  }

  /** The value {@code node} holds for {@code key}, or null. */
  public String valueAt(int node, NodeId key) {
    Map<Integer, String> holders = stored.get(key);
    return holders == null ? null : holders.get(node);
  }

  /** One sample of up to k nodes from every non-empty bucket of {@code self}. */
  private int[] buildTable(int self, Random random) {
    List<Integer> table = new ArrayList<>();
    int lo = 0;
    int hi = ids.length - 1;
    // Invariant: [lo, hi] holds the nodes sharing at least `shared` leading bits with self.
    for (int shared = 0; lo < hi; shared++) {
      int nextLo = firstSharing(self, lo, self, shared + 1);
      int nextHi = lastSharing(self, self, hi, shared + 1);
      // Bucket 255 - shared: the run [lo, nextLo) or (nextHi, hi], whichever is not empty.
      int from = nextLo > lo ? lo : nextHi + 1;
      int to = nextLo > lo ? nextLo - 1 : hi;
      sample(from, to, random, table);
      lo = nextLo;
      hi = nextHi;
    }
    return table.stream().mapToInt(Integer::intValue).toArray();
  }

  private void sample(int from, int to, Random random, List<Integer> out) {
    int size = to - from + 1;
    if (size <= k) {
      for (int i = from; i <= to; i++) {
        out.add(i);
      }
      return;
    }
    Set<Integer> chosen = new HashSet<>(); // Floyd's algorithm: k distinct of size, in order
    for (int j = size - k; j < size; j++) {
      int pick = random.nextInt(j + 1);
      if (!chosen.add(pick)) {
        pick = j;
        chosen.add(j);
      }
      out.add(from + pick);
    }
  }

  /** First position in [lo, self] sharing at least {@code bits} leading bits with self. */
  private int firstSharing(int self, int lo, int hi, int bits) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ids[self].xor(ids[mid]).leadingZeros() >= bits) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Last position in [self, hi] sharing at least {@code bits} leading bits with self. */
  private int lastSharing(int self, int lo, int hi, int bits) {
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (ids[self].xor(ids[mid]).leadingZeros() >= bits) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
