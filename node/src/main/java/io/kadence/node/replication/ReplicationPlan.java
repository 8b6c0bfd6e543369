package io.kadence.node.replication;

import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Which STOREs one replication run sends: for each record, to each member of the key's replica
 * set other than this node. Plain logic, separate from the actor that sends them.
 */
final class ReplicationPlan {
  /** One STORE to send. */
  record Send(SignedRecord record, Contact to) {}

  private ReplicationPlan() {}

  /**
   * The sends of a run.
   *
   * @param self this node, or null when it is leaving and must not count itself as a replica
   * @param sends whether this node sends a record at all, given its replica set (closest first)
   * @param skip pairs known to be stored already (a peer confirmed this very record)
   */
  static Deque<Send> plan(List<SignedRecord> records, Contact self, Collection<Contact> contacts,
      int replication, BiPredicate<SignedRecord, List<Contact>> sends,
      BiPredicate<SignedRecord, Contact> skip) {
    Deque<Send> planned = new ArrayDeque<>();
    for (SignedRecord record : records) {
      List<Contact> set = self == null
          ? ReplicaSets.closest(record.key().id(), contacts, replication)
          : ReplicaSets.withSelf(record.key().id(), self, contacts, replication);
      if (!sends.test(record, set)) {
        continue;
      }
      for (Contact member : set) {
        if ((self == null || !member.id().equals(self.id())) && !skip.test(record, member)) {
          planned.add(new Send(record, member));
        }
      }
    }
    return planned;
  }
}
