package io.kadence.dht.wire;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DHT protocol message: the four RPCs of Kademlia (Maymounkov and Mazieres, section 2.3), their
 * replies, and a graceful leave. Sender, recipient, request id and time travel in the signed
 * envelope around the encoded message, so the messages carry only what the RPC needs. Each type
 * has a fixed payload type id in {@link WireRegistry}.
 *
 * <p>The records check what holds for any message; the size limits, which a network configures,
 * are {@link WireLimits}, enforced by {@link WireCodec} on both encode and decode.
 */
public sealed interface Message {

  /** PING: is the recipient alive? Answered with {@link Pong}. */
  record Ping() implements Message {}

  /** The reply to {@link Ping}. */
  record Pong() implements Message {}

  /**
   * FIND_NODE: the recipient's k closest contacts to {@code target}; answered with
   * {@link Nodes}.
   */
  record FindNode(NodeId target) implements Message {
    /** Checks the target. */
    public FindNode {
      Objects.requireNonNull(target, "target");
    }
  }

  /** The reply to {@link FindNode}: up to k contacts, closest first. */
  record Nodes(List<Contact> contacts) implements Message {
    /** Copies the contacts. */
    public Nodes {
      contacts = List.copyOf(contacts);
    }
  }

  /**
   * FIND_VALUE: the recipient's live records for {@code key}, at most {@code maxRecords} of them,
   * newest first, and its closest contacts to the key; answered with {@link Value}.
   */
  record FindValue(Key key, int maxRecords) implements Message {
    /** Checks the key and count. */
    public FindValue {
      Objects.requireNonNull(key, "key");
      if (maxRecords < 1) {
        throw new IllegalArgumentException("maxRecords must be >= 1: " + maxRecords);
      }
    }
  }

  /**
   * The reply to {@link FindValue}: the records held for the key (possibly none) and closer
   * contacts (possibly none). Kademlia's FIND_VALUE returns either the value or contacts; since
   * a key may hold records of several publishers, Kadence returns both. The records are as the
   * replier holds them: the requester validates each and checks that it is for the asked key.
   */
  record Value(List<SignedRecord> records, List<Contact> closer) implements Message {
    /** Copies the lists. */
    public Value {
      records = List.copyOf(records);
      closer = List.copyOf(closer);
    }
  }

  /**
   * STORE: keep {@code record} if {@code expected} holds (BEP 44 "cas"); answered with
   * {@link StoreAck}.
   */
  record Store(SignedRecord record, ExpectedSequence expected) implements Message {
    /** Checks the fields. */
    public Store {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(expected, "expected");
    }

    /** A store without a compare-and-swap condition. */
    public Store(SignedRecord record) {
      this(record, ExpectedSequence.ANY);
    }
  }

  /**
   * The reply to {@link Store}: stored (including a repeat of a record already held), or the
   * reason for refusing it.
   */
  record StoreAck(Optional<StoreRefusal> refusal) implements Message {
    private static final StoreAck OK = new StoreAck(Optional.empty());

    /** Checks the refusal. */
    public StoreAck {
      Objects.requireNonNull(refusal, "refusal");
    }

    /** The record is stored. */
    public static StoreAck ok() {
      return OK;
    }

    /** The record is refused for {@code reason}. */
    public static StoreAck refused(StoreRefusal reason) {
      return new StoreAck(Optional.of(reason));
    }

    /** Whether the recipient now holds the record. */
    public boolean stored() {
      return refusal.isEmpty();
    }
  }

  /** LEAVE: the sender is leaving the network gracefully; drop it from routing tables. */
  record Leave() implements Message {}
}
