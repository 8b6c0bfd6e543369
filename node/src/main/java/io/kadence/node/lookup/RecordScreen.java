package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.SignedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(validator, "validator");
    List<SignedRecord> valid = new ArrayList<>(records.size());
    List<String> rejected = new ArrayList<>();
    for (SignedRecord record : records) {
      // The key is checked first: a record of another key costs no signature check.
      if (!record.key().equals(key)) {
        rejected.add(describe(record, "for another key " + record.key().id().shortHex()));
        continue;
      }
      RecordValidity validity = validator.validate(record);
      if (validity.isValid()) {
        valid.add(record);
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
