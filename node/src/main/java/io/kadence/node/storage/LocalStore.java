package io.kadence.node.storage;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * This node's own record store as the put and get coordinators see it: the local replica takes
 * part in a put like any remote one, without a signed round trip to itself.
 */
public interface LocalStore {
  /**
   * Stores {@code record} if it is valid and {@code expected} holds; completes once it is
   * persisted, with empty on success (including a repeat of a record already held) or the reason
   * it was refused.
   */
  CompletionStage<Optional<StoreRefusal>> store(SignedRecord record, ExpectedSequence expected);

  /** The valid, unexpired records held for {@code key}, newest first per publisher. */
  CompletionStage<List<SignedRecord>> get(Key key);
}
