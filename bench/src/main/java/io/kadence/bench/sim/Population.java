package io.kadence.bench.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.Arrays;
import java.util.Random;

/**
 * The nodes of a simulated network: random 256-bit ids (as SHA-256 of fresh public keys would
 * be), held sorted so that a node is its index and an id is found by binary search, with one
 * shared {@link Contact} per node. Nodes sharing a prefix of a given length with an id form a
 * contiguous run of the sorted order, which is what makes tables and brute-force truth cheap at
 * 100,000 nodes (the idea of {@code dht}'s test {@code SimulatedNetwork}).
 */
final class Population {
  /** Every simulated contact has this host; the port is derived from the index. */
  static final String HOST = "10.0.0.1";

  private final NodeId[] ids;
  private final Contact[] contacts;

  private Population(NodeId[] ids) {
    this.ids = ids;
    this.contacts = new Contact[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (i > 0 && ids[i].equals(ids[i - 1])) {
        throw new IllegalStateException("duplicate random id " + ids[i].shortHex());
      }
      contacts[i] = new Contact(ids[i], HOST, 1 + i % 65535);
    }
  }

  /** {@code n} nodes with ids drawn from {@code random}. */
  static Population random(int n, Random random) {
    if (n < 2) {
      throw new IllegalArgumentException("a network needs at least 2 nodes, got " + n);
    }
    NodeId[] ids = new NodeId[n];
    for (int i = 0; i < n; i++) {
      ids[i] = NodeId.random(random);
    }
    Arrays.sort(ids);
    return new Population(ids);
  }

  int size() {
    return ids.length;
  }

  NodeId id(int node) {
    return ids[node];
  }

  Contact contact(int node) {
    return contacts[node];
  }

  /** The node with {@code id}; throws if there is none (a simulated peer never invents ids). */
  int indexOf(NodeId id) {
    int at = Arrays.binarySearch(ids, id);
    if (at < 0) {
      throw new IllegalArgumentException("no simulated node " + id.shortHex());
    }
    return at;
  }

  /** The node with {@code id}, or -1 for an id no node has (an invented contact). */
  int find(NodeId id) {
    int at = Arrays.binarySearch(ids, id);
    return at < 0 ? -1 : at;
  }

  /** Leading bits that node {@code node} shares with {@code id}. */
  int sharedBits(int node, NodeId id) {
    return ids[node].xor(id).leadingZeros();
  }
}
