package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.util.List;
import java.util.Objects;

/**
 * What a get found (DESIGN.md, "Data placement": a get returns the newest valid record found and
 * repairs stale replicas it saw; Kademlia, section 2.3, FIND_VALUE). A key may hold records of
 * several publishers: the get returns the newest of each.
 *
 * <p>No records means "no such key" only if the get heard from enough of the key's replica set
 * ({@link #notFound()}): a lookup that timed out, or whose closest peers failed, may have missed
 * every copy of a key that exists, and then the get is {@link #unavailable()} instead.
 *
 * @param key the key read
 * @param records the newest valid, unexpired record of each publisher found, newest creation
 *     first; empty if the key was not found
 * @param repairs the stores sent to replicas that returned an older record of a publisher or
 *     none (fire-and-forget: sent, not necessarily applied)
 * @param localRecords how many records the local store returned
 * @param replicasAnswered how many of the key's replica set, as far as the lookup knows it
 *     ({@link LookupReport#closestKnown}), answered; this node counts if its local read succeeded
 * @param replicasNeeded how many answers of the replica set make an empty answer conclusive
 *     (the read quorum: with the defaults, 3 of 5)
 * @param lookup the FIND_VALUE lookup, with its trace
 */
public record GetResult(Key key, List<SignedRecord> records, List<Repair> repairs,
    int localRecords, int replicasAnswered, int replicasNeeded, LookupReport lookup) {

  /** Copies the lists. */
  public GetResult {
    Objects.requireNonNull(key, "key");
    records = List.copyOf(records);
    repairs = List.copyOf(repairs);
    Objects.requireNonNull(lookup, "lookup");
  }

  /** Whether any record was found. */
  public boolean found() {
    return !records.isEmpty();
  }

  /**
   * Whether the key does not exist as far as the network can tell: no record, from a lookup
   * that finished in time and heard from at least {@code replicasNeeded} of the replica set.
   */
  public boolean notFound() {
    return !found() && !lookup.timedOut() && replicasAnswered >= replicasNeeded;
  }

  /**
   * Whether the get found no record but could not reach enough of the replica set to say the
   * key does not exist: the key may exist, and a later get may find it.
   */
  public boolean unavailable() {
    return !found() && !notFound();
  }

  /** How many repair stores were sent. */
  public int repairsSent() {
    return repairs.size();
  }
}
