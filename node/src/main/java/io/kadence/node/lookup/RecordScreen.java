package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.SignedRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reader's check of the records a peer returned for a key (DESIGN.md: "storing nodes and
 * readers verify it"): a record counts only if it is for the key asked and
 * {@link RecordValidator} finds it valid (signature, TTL, expiry). A peer can return anything,
 * so nothing it returns is trusted before this. Pure, and safe to run on the thread that
 * completed the RPC, which keeps signature checks off the actor's mailbox loop.
 *
 * @param valid the records that passed, in the order the peer gave them
 * @param rejected one line per record refused, for logs: publisher, sequence number and reason
 */
public record RecordScreen(List<SignedRecord> valid, List<String> rejected) {
  /** Nothing returned. */
  public static final RecordScreen NONE = new RecordScreen(List.of(), List.of());

  /** Copies the lists. */
  public RecordScreen {
    valid = List.copyOf(valid);
    rejected = List.copyOf(rejected);
  }

  /** Screens {@code records}, returned for {@code key}, with {@code validator}. */
  public static RecordScreen of(Key key, List<SignedRecord> records, RecordValidator validator) {
    return of(key, records, validator, new HashSet<>());
  }

  /**
   * Screens {@code records}, returned for {@code key}, with {@code validator}, skipping the
   * signature check of a record in {@code verified} and adding every valid record to it. One
   * lookup passes the same thread-safe set for every peer's answer: replicas mostly return the
   * same record, and its signature is then checked once, not once per replica (about 70 us
   * each, the largest CPU cost of a get).
   */
  public static RecordScreen of(Key key, List<SignedRecord> records, RecordValidator validator,
      Set<SignedRecord> verified) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(verified, "verified");
    List<SignedRecord> valid = new ArrayList<>(records.size());
    List<String> rejected = new ArrayList<>();
    for (SignedRecord record : records) {
      // The key is checked first: a record of another key costs no signature check.
      if (!record.key().equals(key)) {
        rejected.add(describe(record, "for another key " + record.key().id().shortHex()));
        continue;
      }
      RecordValidity validity = validator.validate(record, verified::contains);
      if (validity.isValid()) {
        valid.add(record);
        verified.add(record);
      } else {
        rejected.add(describe(record, validity.name()));
      }
    }
    return new RecordScreen(valid, rejected);
  }

  private static String describe(SignedRecord record, String reason) {
    return record.publisherId().shortHex() + " seq " + record.sequence() + ": " + reason;
  }
}
