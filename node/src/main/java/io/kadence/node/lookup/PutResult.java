package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.StoreRefusal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a put went (DESIGN.md, "Data placement": a put is acknowledged once {@code write-quorum}
 * replicas have persisted it; Kademlia, section 2.3, stores at the k closest nodes). A put with
 * fewer acknowledgements than its quorum fails, and says where the copies went and why the
 * others did not: too few reachable replicas is never a silent success.
 *
 * @param key the key stored
 * @param success true if at least {@code quorum} replicas stored the record
 * @param stored how many replicas had stored it when the put answered (the local node
 *     included); a put answers once its quorum stored it, so others may be
 *     {@link Status#PENDING}; a failed put has every replica's answer
 * @param quorum the acknowledgements the put needed
 * @param replication the configured number of copies
 * @param replicaSet the replicas the record was sent to, closest to the key first
 * @param outcomes one per replica of {@code replicaSet}, in the same order
 * @param unreachable peers that belong among the key's closest but failed the lookup, so no
 *     store was sent to them; they count toward the quorum's size, never toward its acks
 * @param lookup the FIND_NODE lookup that found the replicas
 */
public record PutResult(Key key, boolean success, int stored, int quorum, int replication,
    List<Contact> replicaSet, List<ReplicaOutcome> outcomes, List<Contact> unreachable,
    LookupReport lookup) {

  /** Copies the lists. */
  public PutResult {
    Objects.requireNonNull(key, "key");
    replicaSet = List.copyOf(replicaSet);
    outcomes = List.copyOf(outcomes);
    unreachable = List.copyOf(unreachable);
    Objects.requireNonNull(lookup, "lookup");
  }

  /** What became of the store sent to one replica. */
  public enum Status {
    /** The replica persisted the record (or already held it). */
    STORED,
    /** The replica refused it; see {@link ReplicaOutcome#refusal()}. */
    REFUSED,
    /** The replica did not answer in time. */
    TIMED_OUT,
    /** The call failed otherwise (bad or unexpected reply, not sent, local store error). */
    FAILED,
    /** No answer by the put's deadline. */
    UNANSWERED,
    /**
     * Sent, not yet answered when the put succeeded: its quorum had stored the record first.
     * The replica most likely stores it moments later; if its store fails, the coordinator
     * sends the record to a spare (the next closest peer), and read repair and the
     * replicator's republish restore what is still missing.
     */
    PENDING
  }

  /**
   * The store sent to one replica and its result.
   *
   * @param replica the replica
   * @param status what became of the store
   * @param refusal the replica's reason, for {@link Status#REFUSED}
   * @param detail a short explanation for failures, empty otherwise
   */
  public record ReplicaOutcome(Contact replica, Status status, Optional<StoreRefusal> refusal,
      String detail) {
    /** Checks the fields. */
    public ReplicaOutcome {
      Objects.requireNonNull(replica, "replica");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Exactly one replica holds the record and no other store is pending: on a lone node, this
   * node holds the only copy.
   */
  public boolean soleCopy() {
    return stored == 1 && pending() == 0;
  }

  /** Stores still in flight when the put was decided. */
  public int pending() {
    return (int) outcomes.stream().filter(o -> o.status() == Status.PENDING).count();
  }

  /**
   * Fewer replicas stored the record, or may still store it, than {@code replication}: fewer
   * copies than configured, until repair.
   */
  public boolean degraded() {
    return stored + pending() < replication;
  }
}
