package io.kadence.node.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a get returns and what it repairs (DESIGN.md, "Data placement": "a get returns the
 * newest valid record found and repairs stale replicas it saw"; Kademlia, section 2.3, stores
 * the value found at the closest node that did not return it). Records are assumed valid: the
 * caller screened them. Pure functions, tested without an actor system.
 */
public final class RecordRepair {
  /** Newest creation first, then publisher id: the order a storing node lists records in. */
  private static final Comparator<SignedRecord> NEWEST_FIRST =
      Comparator.comparingLong(SignedRecord::createdMillis).reversed()
          .thenComparing(SignedRecord::publisherId);

  /**
   * One store a get sends: {@code record} to {@code replica}, which held no record of that
   * publisher ({@code stale} false) or an older one ({@code stale} true).
   */
  public record Repair(Contact replica, SignedRecord record, boolean stale) {
    /** Checks the fields. */
    public Repair {
      Objects.requireNonNull(replica, "replica");
      Objects.requireNonNull(record, "record");
    }
  }

  private RecordRepair() {}

  /**
   * The newest record of each publisher among {@code records}: the highest sequence number (BEP
   * 44). Two different records with the same sequence number mean the publisher signed twice;
   * the later creation time wins, then the larger signature, so every reader picks the same one.
   * Listed newest creation first, ties by publisher id.
   */
  public static List<SignedRecord> newestPerPublisher(Collection<SignedRecord> records) {
    Map<NodeId, SignedRecord> newest = new HashMap<>();
    for (SignedRecord record : records) {
      newest.merge(record.publisherId(), record, RecordRepair::newer);
    }
    List<SignedRecord> out = new ArrayList<>(newest.values());
    out.sort(NEWEST_FIRST);
    return List.copyOf(out);
  }

  /**
   * The stores that bring every replica of {@code holdings} (replica to the records it returned,
   * in the order to repair them) up to {@code newest}: for each replica and each newest record,
   * a store if the replica returned no record of that publisher or only lower sequence numbers.
   * A replica holding the same or a higher sequence number is left alone.
   */
  public static List<Repair> plan(List<SignedRecord> newest,
      Map<Contact, List<SignedRecord>> holdings) {
    List<Repair> repairs = new ArrayList<>();
    for (Map.Entry<Contact, List<SignedRecord>> replica : holdings.entrySet()) {
      for (SignedRecord record : newest) {
        long held = highestSequence(replica.getValue(), record.publisherId());
        if (held < record.sequence()) {
          repairs.add(new Repair(replica.getKey(), record, held >= 0));
        }
      }
    }
    return List.copyOf(repairs);
  }

  /** The highest sequence number of {@code publisher} among {@code records}, or -1. */
  private static long highestSequence(List<SignedRecord> records, NodeId publisher) {
    long highest = -1;
    for (SignedRecord record : records) {
      if (record.publisherId().equals(publisher)) {
        highest = Math.max(highest, record.sequence());
      }
    }
    return highest;
  }

  private static SignedRecord newer(SignedRecord a, SignedRecord b) {
    if (a.sequence() != b.sequence()) {
      return a.sequence() > b.sequence() ? a : b;
    }
    if (a.createdMillis() != b.createdMillis()) {
      return a.createdMillis() > b.createdMillis() ? a : b;
    }
    return Arrays.compareUnsigned(a.signature(), b.signature()) >= 0 ? a : b;
  }
}
