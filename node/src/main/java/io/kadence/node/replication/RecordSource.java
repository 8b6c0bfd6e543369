package io.kadence.node.replication;

import io.kadence.dht.record.SignedRecord;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Every live record this node holds, for republishing, re-replication and hand-off. */
@FunctionalInterface
public interface RecordSource {
  /** The live records held now. */
  CompletionStage<List<SignedRecord>> allRecords();
}
