package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.util.List;
import java.util.Objects;

/**
 * What a get found (DESIGN.md, "Data placement": a get returns the newest valid record found and
 * repairs stale replicas it saw; Kademlia, section 2.3, FIND_VALUE). A key may hold records of
 * several publishers: the get returns the newest of each. Not found is no records.
 *
 * @param key the key read
 * @param records the newest valid, unexpired record of each publisher found, newest creation
 *     first; empty if the key was not found
 * @param repairs the stores sent to replicas that returned an older record of a publisher or
 *     none (fire-and-forget: sent, not necessarily applied)
 * @param localRecords how many records the local store returned
 * @param lookup the FIND_VALUE lookup, with its trace
 */
public record GetResult(Key key, List<SignedRecord> records, List<Repair> repairs,
    int localRecords, LookupReport lookup) {

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

  /** How many repair stores were sent. */
  public int repairsSent() {
    return repairs.size();
  }
}
