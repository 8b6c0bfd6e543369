package io.kadence.node.routing;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import java.util.List;

/**
 * The routing table's bucket contacts, readable from any thread: the answers to other peers'
 * FIND_NODE and FIND_VALUE take their closest contacts from it without a round through
 * {@link RoutingTableActor}'s mailbox. The actor replaces the snapshot whenever a contact enters
 * or leaves the table or changes its address, not when contacts merely move within a bucket
 * (the order of last sighting does not change which contacts are closest).
 */
public final class ContactsView {
  private volatile List<Contact> contacts = List.of();

  /** The {@code n} contacts closest to {@code target}, closest first, leaving out {@code not}. */
  public List<Contact> closest(NodeId target, int n, NodeId not) {
    if (n <= 0) {
      return List.of();
    }
    List<Contact> others = contacts.stream().filter(c -> !c.id().equals(not)).toList();
    return ReplicaSets.closest(target, others, n);
  }

  /** Every contact of the table's buckets, in no particular order. */
  public List<Contact> all() {
    return contacts;
  }

  void publish(List<Contact> contacts) {
    this.contacts = List.copyOf(contacts);
  }
}
