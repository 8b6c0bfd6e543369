package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.KeyRecords;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.StoreRefusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One simulated peer of a {@link FakeNetwork}: what it knows and holds, and how it answers once
 * a request reaches it. FIND_NODE gets the k contacts it knows closest to the target (Kademlia,
 * section 2.3), FIND_VALUE its live records, STORE the real {@link RecordValidator} and
 * {@link KeyRecords} rules. Not thread-safe: the network guards its peers.
 */
final class FakePeer {
  private final Contact contact;
  private final int k;
  private final RecordValidator validator;
  private final Clock clock;
  private final int maxPublishers;
  private final List<Contact> known = new ArrayList<>();
  private final Map<Key, KeyRecords> records = new HashMap<>();
  private final List<SignedRecord> extra = new ArrayList<>();

  FakePeer(Contact contact, int k, RecordValidator validator, Clock clock, int maxPublishers) {
    this.contact = contact;
    this.k = k;
    this.validator = validator;
    this.clock = clock;
    this.maxPublishers = maxPublishers;
  }

  Contact contact() {
    return contact;
  }

  /**
   * Replaces what it knows with a Kademlia table drawn from {@code everyone}: for each bucket, up
   * to k of the peers in it at random (section 2.2), so small buckets are complete.
   */
  void fillTable(Collection<Contact> everyone, Random random) {
    Map<Integer, List<Contact>> buckets = new HashMap<>();
    for (Contact other : everyone) {
      if (other != contact) {
        buckets.computeIfAbsent(contact.id().bucketIndex(other.id()),
            i -> new ArrayList<>()).add(other);
      }
    }
    known.clear();
    for (int i = 0; i < 256; i++) {
      List<Contact> bucket = buckets.getOrDefault(i, List.of());
      List<Contact> shuffled = new ArrayList<>(bucket);
      Collections.shuffle(shuffled, random);
      known.addAll(shuffled.subList(0, Math.min(k, shuffled.size())));
    }
  }

  /** Comes to know {@code contacts} (in addition to what it knows). */
  void introduce(Collection<Contact> contacts) {
    known.addAll(contacts);
  }

  /** Adds {@code records} to every FIND_VALUE answer, unchecked: a forger. */
  void serveExtra(List<SignedRecord> records) {
    extra.addAll(records);
  }

  /** The k contacts it knows closest to {@code target}: its routing table's answer. */
  List<Contact> closestKnown(NodeId target) {
    return known.stream()
        .sorted((a, b) -> target.compareDistance(a.id(), b.id()))
        .limit(k)
        .toList();
  }

  /** Its live records of {@code key}. */
  List<SignedRecord> live(Key key) {
    KeyRecords held = records.get(key);
    return held == null ? List.of() : held.live(clock.instant());
  }

  /** The live record of {@code publisher} it holds for {@code key}, if any. */
  Optional<SignedRecord> heldBy(Key key, NodeId publisher) {
    KeyRecords held = records.get(key);
    return held == null ? Optional.empty() : held.current(publisher, clock.instant());
  }

  /** Its answer to {@code request}, which reached it. */
  Message answer(Message request) {
    if (request instanceof Message.FindNode find) {
      return new Message.Nodes(closestKnown(find.target()));
    }
    if (request instanceof Message.FindValue find) {
      List<SignedRecord> found = new ArrayList<>(live(find.key()));
      found.addAll(extra);
      return new Message.Value(found.subList(0, Math.min(found.size(), find.maxRecords())),
          closestKnown(find.key().id()));
    }
    if (request instanceof Message.Store store) {
      return new Message.StoreAck(offer(store.record(), store.expected()));
    }
    return new Message.Pong();
  }

  /** The storing node's rules: validate, then the key's replace rule and publisher quota. */
  Optional<StoreRefusal> offer(SignedRecord record, ExpectedSequence expected) {
    RecordValidity validity = validator.validate(record);
    if (!validity.isValid()) {
      return Optional.of(StoreRefusal.of(validity));
    }
    KeyRecords held = records.getOrDefault(record.key(),
        KeyRecords.empty(record.key(), maxPublishers));
    KeyRecords.Offer offer = held.offer(record, expected, clock.instant());
    records.put(record.key(), offer.records());
    return StoreRefusal.of(offer.decision());
  }
}
