package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import java.util.Objects;

/**
 * Names one stored record in the journal: its (key, publisher) slot and sequence number. A node
 * holds at most one record per slot (BEP 44's replace rule, {@code KeyRecords}), so the three
 * fields single it out; the storage actor checks a record against the exact stored one before it
 * persists an event that names it, and replay sees the same state, so names suffice there.
 *
 * @param key the key the record is stored under
 * @param publisher the publisher's node id
 * @param sequence the record's sequence number, at least 0
 */
public record RecordId(Key key, NodeId publisher, long sequence) {
  /** Checks the fields. */
  public RecordId {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(publisher, "publisher");
    if (sequence < 0) {
      throw new IllegalArgumentException("a stored record's sequence is >= 0: " + sequence);
    }
  }

  /** The name of {@code record}. */
  public static RecordId of(SignedRecord record) {
    return new RecordId(record.key(), record.publisherId(), record.sequence());
  }

  @Override
  public String toString() {
    return "RecordId[key=" + key.id().shortHex() + ", publisher=" + publisher.shortHex()
        + ", seq=" + sequence + "]";
  }
}
