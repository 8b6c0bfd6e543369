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
import io.kadence.node.storage.LocalStore;
import io.kadence.node.transport.PeerRpc;
import io.kadence.node.transport.PeerRpcException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory network of simulated peers behind the {@link PeerRpc} seam (after Atomix's
 * {@code TestMessagingService}). Each peer has its own contact list and answers FIND_NODE with
 * the k contacts it knows closest to the target (Kademlia, section 2.3), FIND_VALUE with its
 * live records, and STORE under the real {@link RecordValidator} and {@link KeyRecords} rules.
 * Faults are injected per peer. With no delay, every call completes before it returns, so the
 * order of answers is the order of requests and a test is deterministic; with a delay, calls
 * overlap and the network counts how many are in flight at once. Thread-safe.
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

  private static final long DEAD_DELAY_MILLIS = 20;

  private final int k;
  private final RecordValidator validator;
  private final Clock clock;
  private final int maxPublishers;
  private final Map<NodeId, Peer> peers = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong ticker = new AtomicLong();
  private long delayMillis;
  private long slowDelayMillis = 2_000;
  private long tickPerCallNanos;
  private int inFlight;
  private int maxInFlight;

  private static final class Peer {
    final Contact contact;
    final List<Contact> known = new ArrayList<>();
    final Map<Key, KeyRecords> records = new HashMap<>();
    final List<SignedRecord> extra = new ArrayList<>();
    Fault fault = Fault.NONE;
    /** Requests still to go unanswered, whatever the fault, before the fault applies. */
    int unanswered;

    Peer(Contact contact) {
      this.contact = contact;
    }
  }

  FakeNetwork(int k, RecordValidator validator, Clock clock, int maxPublishers) {
    this.k = k;
    this.validator = validator;
    this.clock = clock;
    this.maxPublishers = maxPublishers;
  }

  /** Adds a peer with id {@code id}; it knows nobody yet. */
  synchronized Contact add(NodeId id) {
    Contact contact = new Contact(id, "fake-" + id.shortHex(), 4000);
    peers.put(id, new Peer(contact));
    return contact;
  }

  /**
   * Gives every peer a Kademlia table built from global knowledge: for each bucket, up to k
   * peers drawn at random among all peers in it (section 2.2), so small buckets are complete.
   */
  synchronized void fillTables(Random random) {
    for (Peer peer : peers.values()) {
      Map<Integer, List<Contact>> buckets = new HashMap<>();
      for (Peer other : peers.values()) {
        if (other != peer) {
          buckets.computeIfAbsent(peer.contact.id().bucketIndex(other.contact.id()),
              i -> new ArrayList<>()).add(other.contact);
        }
      }
      peer.known.clear();
      for (int i = 0; i < 256; i++) {
        List<Contact> bucket = buckets.getOrDefault(i, List.of());
        List<Contact> shuffled = new ArrayList<>(bucket);
        Collections.shuffle(shuffled, random);
        peer.known.addAll(shuffled.subList(0, Math.min(k, shuffled.size())));
      }
    }
  }

  /** Makes {@code peer} know {@code contacts} (in addition to what it knows). */
  synchronized void introduce(NodeId peer, Collection<Contact> contacts) {
    peers.get(peer).known.addAll(contacts);
  }

  synchronized Contact contact(NodeId id) {
    return peers.get(id).contact;
  }

  synchronized void setFault(NodeId peer, Fault fault) {
    peers.get(peer).fault = fault;
  }

  /** {@code peer} answers none of its next {@code requests} requests (as if dead), then as set. */
  synchronized void dropNext(NodeId peer, int requests) {
    peers.get(peer).unanswered = requests;
  }

  /** Every call completes after {@code millis} (0: before {@code call} returns). */
  synchronized void setDelay(long millis) {
    delayMillis = millis;
  }

  /** A {@link Fault#SLOW} peer answers after {@code millis}. */
  synchronized void setSlowDelay(long millis) {
    slowDelayMillis = millis;
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
    offer(peers.get(peer), record, ExpectedSequence.ANY);
  }

  /** {@code peer} adds {@code records} to every FIND_VALUE answer, unchecked: a forger. */
  synchronized void serveExtra(NodeId peer, List<SignedRecord> records) {
    peers.get(peer).extra.addAll(records);
  }

  /** The live record of {@code publisher} that {@code peer} holds for {@code key}, if any. */
  synchronized Optional<SignedRecord> heldBy(NodeId peer, Key key, NodeId publisher) {
    KeyRecords held = peers.get(peer).records.get(key);
    return held == null ? Optional.empty() : held.current(publisher, clock.instant());
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

  synchronized int maxInFlight() {
    return maxInFlight;
  }

  /** The {@code count} peers closest to {@code target} that are not dead, but {@code self}. */
  synchronized List<Contact> closestLive(NodeId target, int count, NodeId self) {
    return peers.values().stream()
        .filter(p -> p.fault != Fault.DEAD && !p.contact.id().equals(self))
        .map(p -> p.contact)
        .sorted((a, b) -> target.compareDistance(a.id(), b.id()))
        .limit(count)
        .toList();
  }

  /** The k contacts {@code peer} knows closest to {@code target}: its routing table's answer. */
  synchronized List<Contact> closestKnown(NodeId peer, NodeId target) {
    return peers.get(peer).known.stream()
        .sorted((a, b) -> target.compareDistance(a.id(), b.id()))
        .limit(k)
        .toList();
  }

  /** {@code self}'s store, as its coordinators see it: no RPC, same rules, calls recorded. */
  LocalStore localStore(NodeId self) {
    return new LocalStore() {
      @Override
      public CompletionStage<Optional<StoreRefusal>> store(SignedRecord record,
          ExpectedSequence expected) {
        synchronized (FakeNetwork.this) {
          Peer peer = peers.get(self);
          calls.add(new Call(peer.contact, new Message.Store(record, expected)));
          return CompletableFuture.completedFuture(offer(peer, record, expected));
        }
      }

      @Override
      public CompletionStage<List<SignedRecord>> get(Key key) {
        synchronized (FakeNetwork.this) {
          KeyRecords held = peers.get(self).records.get(key);
          return CompletableFuture.completedFuture(
              held == null ? List.of() : held.live(clock.instant()));
        }
      }
    };
  }

  @Override
  public synchronized CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
    calls.add(new Call(to, request));
    ticker.addAndGet(tickPerCallNanos);
    Peer peer = peers.get(to.id());
    if (peer != null && peer.unanswered > 0) {
      peer.unanswered--;
      return fail(to, Math.min(DEAD_DELAY_MILLIS, timeout.toMillis()));
    }
    if (peer == null || peer.fault == Fault.DEAD
        || (peer.fault == Fault.DROPS_STORES && request instanceof Message.Store)) {
      return fail(to, Math.min(DEAD_DELAY_MILLIS, timeout.toMillis()));
    }
    boolean slow = peer.fault == Fault.SLOW
        || (peer.fault == Fault.SLOW_STORES && request instanceof Message.Store);
    long delay = slow ? slowDelayMillis : delayMillis;
    if (delay > timeout.toMillis()) {
      return fail(to, timeout.toMillis());
    }
    return complete(answer(peer, request), delay);
  }

  @Override
  public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
    throw new UnsupportedOperationException("lookups never identify a member");
  }

  private Message answer(Peer peer, Message request) {
    if (request instanceof Message.FindNode find) {
      return new Message.Nodes(closestKnown(peer.contact.id(), find.target()));
    }
    if (request instanceof Message.FindValue find) {
      KeyRecords held = peer.records.get(find.key());
      List<SignedRecord> records = new ArrayList<>(
          held == null ? List.of() : held.live(clock.instant()));
      records.addAll(peer.extra);
      return new Message.Value(records.subList(0, Math.min(records.size(), find.maxRecords())),
          closestKnown(peer.contact.id(), find.key().id()));
    }
    if (request instanceof Message.Store store) {
      return new Message.StoreAck(offer(peer, store.record(), store.expected()));
    }
    return new Message.Pong();
  }

  /** The storing node's rules: validate, then the key's replace rule and publisher quota. */
  private Optional<StoreRefusal> offer(Peer peer, SignedRecord record, ExpectedSequence expected) {
    RecordValidity validity = validator.validate(record);
    if (!validity.isValid()) {
      return Optional.of(StoreRefusal.of(validity));
    }
    KeyRecords held = peer.records.getOrDefault(record.key(),
        KeyRecords.empty(record.key(), maxPublishers));
    KeyRecords.Offer offer = held.offer(record, expected, clock.instant());
    peer.records.put(record.key(), offer.records());
    return StoreRefusal.of(offer.decision());
  }

  private CompletionStage<Message> complete(Message reply, long delay) {
    if (delay == 0) {
      return CompletableFuture.completedFuture(reply);
    }
    return later(delay, future -> future.complete(reply));
  }

  private CompletionStage<Message> fail(Contact to, long delay) {
    PeerRpcException timeout = new PeerRpcException(to, PeerRpcException.Reason.TIMEOUT,
        "no reply in " + delay + " ms");
    return later(delay, future -> future.completeExceptionally(timeout));
  }

  /**
   * Completes the call after {@code delay}. The call leaves the in-flight count before the
   * caller can see its completion, so the count never exceeds what the caller has in flight.
   */
  private CompletionStage<Message> later(long delay, Consumer<CompletableFuture<Message>> outcome) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    CompletableFuture<Message> future = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
      landed();
      outcome.accept(future);
    });
    return future;
  }

  private synchronized void landed() {
    inFlight--;
  }
}
