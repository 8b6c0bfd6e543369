package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.FoundValue;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one attempt of a get heard, and what follows from it (Kademlia, section 2.3, FIND_VALUE;
 * DESIGN.md, "Data placement"): its lookup's report and this node's local read. The
 * {@link GetCoordinator} owns the messages, timers and stores; this says which records are the
 * newest, which replicas a read repair goes to, how many of the replica set answered and, for
 * a get that asks again, every peer the lookup heard of. Pure, tested without an actor system.
 *
 * @param key the key read
 * @param self this node
 * @param replication the size of a key's replica set
 * @param initial the routing table's contacts the get started from
 * @param report the attempt's lookup report
 * @param local the local store's unexpired records of the key; empty if its read failed or did
 *     not answer in time
 */
record GetAnswers(Key key, Contact self, int replication, List<Contact> initial,
    LookupReport report, Optional<List<SignedRecord>> local) {

  /** Checks the fields and copies the contacts. */
  GetAnswers {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(self, "self");
    initial = List.copyOf(initial);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(local, "local");
  }

  /** The local store's records, none if its read failed. */
  List<SignedRecord> localRecords() {
    return local.orElse(List.of());
  }

  /**
   * The newest record of each publisher that the peers and the local store returned, less those
   * {@code validator} finds expired by now.
   */
  List<SignedRecord> newest(RecordValidator validator) {
    List<SignedRecord> all = new ArrayList<>(report.records());
    all.addAll(localRecords());
    return RecordRepair.newestPerPublisher(all).stream()
        .filter(r -> !validator.isExpired(r)).toList();
  }

  /**
   * The read repairs that bring the replicas that answered up to {@code newest}; none if the
   * lookup timed out: it saw only part of the replica set.
   */
  List<Repair> repairs(List<SignedRecord> newest) {
    return report.timedOut() ? List.of() : RecordRepair.plan(newest, holdings());
  }

  /** The key's replica set as far as the lookup knows it ({@link LookupReport#closestKnown}). */
  List<Contact> replicaSet() {
    return report.closestKnown(self, replication);
  }

  /** How many of {@code replicaSet} answered: peers that responded, and this node if it read. */
  int answered(List<Contact> replicaSet) {
    Set<NodeId> responded = responded();
    if (local.isPresent()) {
      responded.add(self.id());
    }
    return (int) replicaSet.stream().filter(contact -> responded.contains(contact.id())).count();
  }

  /**
   * Every peer the lookup heard of, each once, for a get that asks again: those that answered,
   * those it gave up, and the routing table's contacts it started from.
   */
  List<Contact> heardOf() {
    Map<NodeId, Contact> known = new LinkedHashMap<>();
    for (List<Contact> contacts : List.of(report.closest(), report.result().failed(), initial)) {
      contacts.forEach(contact -> known.putIfAbsent(contact.id(), contact));
    }
    return List.copyOf(known.values());
  }

  /**
   * What each replica that answered returned, in replica-set order; this node only if its read
   * succeeded. The replica set is the {@code replication} closest of the live peers this node
   * knows of (its routing table's contacts the get started from and the peers that answered,
   * less those that failed to) and itself. A get that stops at its read quorum hears from three
   * or four peers: taken from those alone, the "replica set" always held this node too, and a
   * get through a peer outside the key's replica set stored a copy there (2026-12-07, 16 peers
   * after a warm-up: 14,887 records where the replica sets need 12,500). A replica that was not
   * asked is left alone: what it holds is not known.
   */
  Map<Contact, List<SignedRecord>> holdings() {
    Map<NodeId, List<SignedRecord>> returned = new HashMap<>();
    for (FoundValue<List<SignedRecord>> found : report.result().values()) {
      returned.put(found.from().id(), found.value());
    }
    Set<NodeId> answered = responded();
    Set<NodeId> failed = new HashSet<>();
    report.result().failed().forEach(contact -> failed.add(contact.id()));
    List<Contact> known = new ArrayList<>(report.closest());
    initial.stream().filter(contact -> !failed.contains(contact.id())).forEach(known::add);
    Map<Contact, List<SignedRecord>> holdings = new LinkedHashMap<>();
    for (Contact replica : ReplicaSets.withSelf(key.id(), self, known, replication)) {
      if (replica.id().equals(self.id())) {
        local.ifPresent(records -> holdings.put(replica, records));
      } else if (answered.contains(replica.id())) {
        holdings.put(replica, returned.getOrDefault(replica.id(), List.of()));
      }
    }
    return holdings;
  }

  /** The ids of the peers that responded to the lookup. */
  private Set<NodeId> responded() {
    Set<NodeId> responded = new HashSet<>();
    report.closest().forEach(contact -> responded.add(contact.id()));
    return responded;
  }
}
