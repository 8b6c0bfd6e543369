package io.kadence.node.replication;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which peer acknowledged which exact record (by its signature, unique per record),
 * so that a membership change re-sends only what a replica set is missing. Bounded: the least
 * recently confirmed pairs are forgotten first, which costs at most a redundant STORE.
 */
final class Confirmations {
  private final Map<ByteBuffer, Boolean> pairs;

  Confirmations(int capacity) {
    this.pairs = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  void confirm(SignedRecord record, NodeId peer) {
    pairs.put(key(record, peer), Boolean.TRUE);
  }

  boolean isConfirmed(SignedRecord record, NodeId peer) {
    return pairs.containsKey(key(record, peer));
  }

  private static ByteBuffer key(SignedRecord record, NodeId peer) {
    return ByteBuffer.allocate(64 + NodeId.BYTES).put(record.signature()).put(peer.bytes()).flip();
  }
}
