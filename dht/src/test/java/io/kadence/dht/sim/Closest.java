package io.kadence.dht.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.List;

/** Selects the nodes closest to a target by XOR distance, by insertion into a bounded array. */
final class Closest {
  private Closest() {}

  /**
   * The (at most) {@code count} of {@code nodes} whose contacts are closest to {@code target},
   * closest first, leaving out the node {@code skip} (-1 for none).
   */
  static List<Contact> of(int[] nodes, Contact[] contacts, NodeId target, int count, int skip) {
    int[] best = new int[count];
    int size = 0;
    for (int node : nodes) {
      if (node == skip) {
        continue;
      }
      NodeId id = contacts[node].id();
      if (size == count && target.compareDistance(id, contacts[best[size - 1]].id()) >= 0) {
        continue;
      }
      int at = size == count ? size - 1 : size++;
      while (at > 0 && target.compareDistance(id, contacts[best[at - 1]].id()) < 0) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = node;
    }
    List<Contact> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(contacts[best[i]]);
    }
    return out;
  }
}
