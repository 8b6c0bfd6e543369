package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link LookupActor} looks up: an iterative FIND_NODE or FIND_VALUE (Kademlia,
 * section 2.3) of {@code target} from the node {@code self}, seeded with {@code initial} (the
 * closest contacts of the local routing table).
 *
 * @param kind FIND_NODE or FIND_VALUE
 * @param target the id looked up (for FIND_VALUE, the key's id)
 * @param self the local node, never queried
 * @param k how many closest peers the lookup converges on
 * @param alpha requests in flight at most
 * @param valueQuorum FIND_VALUE: stop once this many peers returned a valid record; 1 for
 *     FIND_NODE
 * @param replicas FIND_VALUE: with fewer valid records than the quorum, stop once this many
 *     closest peers responded (the key's replica set); k for FIND_NODE
 * @param maxRecords FIND_VALUE: the most records asked of one peer (the publisher quota); 1 for
 *     FIND_NODE
 * @param initial the contacts to start from
 */
public record LookupQuery(LookupKind kind, NodeId target, NodeId self, int k, int alpha,
    int valueQuorum, int replicas, int maxRecords, List<Contact> initial) {

  /** Checks the fields; the counts are checked again by {@link LookupState}. */
  public LookupQuery {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(self, "self");
    initial = List.copyOf(initial);
    if (k < 1 || alpha < 1 || valueQuorum < 1 || replicas < 1 || maxRecords < 1) {
      throw new IllegalArgumentException(
          "k, alpha, valueQuorum, replicas and maxRecords must be >= 1");
    }
  }

  /** A FIND_NODE lookup of {@code target}. */
  public static LookupQuery findNode(NodeId target, NodeId self, int k, int alpha,
      Collection<Contact> initial) {
    return new LookupQuery(LookupKind.FIND_NODE, target, self, k, alpha, 1, k, 1,
        List.copyOf(initial));
  }

  /**
   * A FIND_VALUE lookup of {@code key} that asks each peer for up to {@code maxRecords} records
   * and stops once {@code valueQuorum} peers returned a valid one, or, with fewer, once the
   * {@code replicas} closest peers responded.
   */
  public static LookupQuery findValue(Key key, NodeId self, int k, int alpha, int valueQuorum,
      int replicas, int maxRecords, Collection<Contact> initial) {
    return new LookupQuery(LookupKind.FIND_VALUE, key.id(), self, k, alpha, valueQuorum,
        replicas, maxRecords, List.copyOf(initial));
  }

  /** The target as a key (the key of a FIND_VALUE). */
  public Key key() {
    return Key.ofId(target);
  }

  /** A fresh state machine for this query; the value of a peer is the records it returned. */
  LookupState<List<SignedRecord>> newState() {
    return kind == LookupKind.FIND_NODE
        ? LookupState.findNode(target, self, k, alpha, initial)
        : LookupState.findValue(target, self, k, alpha, valueQuorum, replicas, initial);
  }

  /** The request every peer is sent. */
  Message request() {
    return kind == LookupKind.FIND_NODE
        ? new Message.FindNode(target)
        : new Message.FindValue(key(), maxRecords);
  }
}
