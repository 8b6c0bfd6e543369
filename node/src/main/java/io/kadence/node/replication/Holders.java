package io.kadence.node.replication;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import java.util.List;
import java.util.Set;

/**
 * What a replicator knows of who holds each of its node's records: the peers that acknowledged
 * that exact record, and the ones presumed to hold it; and from that, whether this node is one
 * of the holders that send a record to a member new to its replica set. Plain logic, the
 * replicator's alone (not thread-safe).
 */
final class Holders {
  /** How many holders of a record send it to a member new to its replica set. */
  static final int SENDERS = 2;

  private final Contact self;
  private final int replication;
  private final Confirmations confirmations;

  Holders(Contact self, int replication, int capacity) {
    this.self = self;
    this.replication = replication;
    this.confirmations = new Confirmations(capacity);
  }

  /** Whether {@code peer} acknowledged {@code record} or is presumed to hold it. */
  boolean holds(SignedRecord record, NodeId peer) {
    return confirmations.isConfirmed(record, peer);
  }

  /** {@code peer} acknowledged a STORE of {@code record}. */
  void stored(SignedRecord record, NodeId peer) {
    confirmations.confirm(record, peer);
  }

  /**
   * Marks a record not planned before (this node is not yet among its holders) as held by this
   * node and by the members of its replica set both under the previous run's contacts and under
   * this run's ({@code current}). Its put went to one of the two sets, and which is not known
   * when the peer set changed in between: a member of only one is not presumed, so it gets the
   * record if it is (or becomes again) a replica. Presuming the previous set alone left a
   * replica without its copy for good (until republish): a put that already went to a peer that
   * had just joined, and that peer's death, put back a member presumed to hold it
   * (MultiJvmChurnTest, 2026-12-06). Without presuming, the first run after a burst of puts
   * would have every replica send every record to every other (replication squared STOREs;
   * 7,500 in 2 minutes on 64 peers, 2026-12-05, most of them timing out).
   */
  void presumeIfNew(SignedRecord record, List<Contact> previous, List<Contact> current) {
    if (holds(record, self.id())) {
      return;
    }
    confirmations.confirm(record, self.id());
    List<Contact> now = ReplicaSets.withSelf(record.key().id(), self, current, replication);
    for (Contact member : ReplicaSets.withSelf(record.key().id(), self, previous, replication)) {
      if (now.contains(member)) {
        confirmations.confirm(record, member.id());
      }
    }
  }

  /**
   * Whether this node is one of the {@link #SENDERS} holders of {@code record} closest to its key
   * among the members of its replica set ({@code set}, closest first) that hold it (confirmed or
   * presumed) and are {@code reachable} (in the routing table). Only those send a record to the
   * members new to its replica set: when a replica died, every surviving holder sent it to the
   * replacement (5,554 STOREs in the minute after a kill of 16 of 64 peers was settled,
   * docs/BENCHMARKS.md, "Two senders per new copy"). Two rather than one: a new member still
   * gets the record when one sender dies before its STORE, or was wrongly presumed to hold it.
   * A node outside the set (displaced, or a spare) sends only when fewer than two such holders
   * are in the set.
   */
  boolean amongFirstSenders(SignedRecord record, List<Contact> set, Set<NodeId> reachable) {
    int closer = 0;
    for (Contact member : set) {
      if (member.id().equals(self.id())) {
        return true;
      }
      if (reachable.contains(member.id()) && holds(record, member.id())
          && ++closer >= SENDERS) {
        return false;
      }
    }
    return true;
  }
}
