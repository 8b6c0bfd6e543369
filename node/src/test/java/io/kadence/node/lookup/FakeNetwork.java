package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.storage.LocalStore;
import io.kadence.node.transport.PeerRpc;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory network of simulated peers behind the {@link PeerRpc} seam (after Atomix's
 * {@code TestMessagingService}). Each peer is a {@link FakePeer}, with its own contact list and
 * store, answering as a real peer would; the network records every request and hands it to
 * {@link FakeFaults}, where faults are injected per peer. With no delay, every call completes
 * before it returns, so the order of answers is the order of requests and a test is
 * deterministic; with a delay, calls overlap and the network counts how many are in flight at
 * once. Thread-safe.
 */
final class FakeNetwork implements PeerRpc {
  /** How a peer treats requests. */
  enum Fault {
    /** Answers every request. */
    NONE,
    /** Answers nothing: every call times out (after a short delay, for fast tests). */
    DEAD,
    /** Answers after {@link #slowDelay}, which may exceed the caller's timeout. */
    SLOW,
    /** Answers lookups, but a STORE times out. */
    DROPS_STORES,
    /** Answers lookups at once, STOREs after {@link #slowDelay}. */
    SLOW_STORES
  }

  /** One request as the network received it. */
  record Call(Contact to, Message request) {}

  private final int k;
  private final RecordValidator validator;
  private final Clock clock;
  private final int maxPublishers;
  private final Map<NodeId, FakePeer> peers = new LinkedHashMap<>();
  private final FakeFaults faults = new FakeFaults();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong ticker = new AtomicLong();
  private long tickPerCallNanos;

  FakeNetwork(int k, RecordValidator validator, Clock clock, int maxPublishers) {
    this.k = k;
    this.validator = validator;
    this.clock = clock;
    this.maxPublishers = maxPublishers;
  }

  /** Adds a peer with id {@code id}; it knows nobody yet. */
  synchronized Contact add(NodeId id) {
    Contact contact = new Contact(id, "fake-" + id.shortHex(), 4000);
    peers.put(id, new FakePeer(contact, k, validator, clock, maxPublishers));
    return contact;
  }

  /**
   * Gives every peer a Kademlia table built from global knowledge: for each bucket, up to k
   * peers drawn at random among all peers in it (section 2.2), so small buckets are complete.
   */
  synchronized void fillTables(Random random) {
    List<Contact> everyone = peers.values().stream().map(FakePeer::contact).toList();
    for (FakePeer peer : peers.values()) {
      peer.fillTable(everyone, random);
    }
  }

  /** Makes {@code peer} know {@code contacts} (in addition to what it knows). */
  synchronized void introduce(NodeId peer, Collection<Contact> contacts) {
    peers.get(peer).introduce(contacts);
  }

  synchronized Contact contact(NodeId id) {
    return peers.get(id).contact();
  }

  void setFault(NodeId peer, Fault fault) {
    faults.set(peer, fault);
  }

  /** {@code peer} answers none of its next {@code requests} requests (as if dead), then as set. */
  void dropNext(NodeId peer, int requests) {
    faults.dropNext(peer, requests);
  }

  /** Every call completes after {@code millis} (0: before {@code call} returns). */
  void setDelay(long millis) {
    faults.setDelay(millis);
  }

  /** A {@link Fault#SLOW} peer answers after {@code millis}. */
  void setSlowDelay(long millis) {
    faults.setSlowDelay(millis);
  }

  /** Each call moves {@link #ticker()} on by {@code nanos}. */
  synchronized void setTickPerCall(long nanos) {
    tickPerCallNanos = nanos;
  }

  /** A nanosecond ticker that only calls move. */
  AtomicLong ticker() {
    return ticker;
  }

  /** Puts {@code record} in {@code peer}'s store directly, as if stored earlier. */
  synchronized void hold(NodeId peer, SignedRecord record) {
    peers.get(peer).offer(record, ExpectedSequence.ANY);
  }

  /** {@code peer} adds {@code records} to every FIND_VALUE answer, unchecked: a forger. */
  synchronized void serveExtra(NodeId peer, List<SignedRecord> records) {
    peers.get(peer).serveExtra(records);
  }

  /** The live record of {@code publisher} that {@code peer} holds for {@code key}, if any. */
  synchronized Optional<SignedRecord> heldBy(NodeId peer, Key key, NodeId publisher) {
    return peers.get(peer).heldBy(key, publisher);
  }

  /** The STORE requests sent to {@code peer} (through the RPC or its local store view). */
  synchronized List<SignedRecord> storesTo(NodeId peer) {
    return calls.stream()
        .filter(c -> c.to().id().equals(peer) && c.request() instanceof Message.Store)
        .map(c -> ((Message.Store) c.request()).record())
        .toList();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  int maxInFlight() {
    return faults.maxInFlight();
  }

  /** The {@code count} peers closest to {@code target} that are not dead, but {@code self}. */
  synchronized List<Contact> closestLive(NodeId target, int count, NodeId self) {
    return peers.values().stream()
        .map(FakePeer::contact)
        .filter(c -> !faults.isDead(c.id()) && !c.id().equals(self))
        .sorted((a, b) -> target.compareDistance(a.id(), b.id()))
        .limit(count)
        .toList();
  }

  /** The k contacts {@code peer} knows closest to {@code target}: its routing table's answer. */
  synchronized List<Contact> closestKnown(NodeId peer, NodeId target) {
    return peers.get(peer).closestKnown(target);
  }

  /** {@code self}'s store, as its coordinators see it: no RPC, same rules, calls recorded. */
  LocalStore localStore(NodeId self) {
    return new LocalStore() {
      @Override
      public CompletionStage<Optional<StoreRefusal>> store(SignedRecord record,
          ExpectedSequence expected) {
        synchronized (FakeNetwork.this) {
          FakePeer peer = peers.get(self);
          calls.add(new Call(peer.contact(), new Message.Store(record, expected)));
          return CompletableFuture.completedFuture(peer.offer(record, expected));
        }
      }

      @Override
      public CompletionStage<List<SignedRecord>> get(Key key) {
        synchronized (FakeNetwork.this) {
          return CompletableFuture.completedFuture(peers.get(self).live(key));
        }
      }
    };
  }

  @Override
  public synchronized CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
    calls.add(new Call(to, request));
    ticker.addAndGet(tickPerCallNanos);
    return faults.deliver(to, peers.get(to.id()), request, timeout);
  }

  @Override
  public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
    throw new UnsupportedOperationException("lookups never identify a member");
  }
}
