package io.kadence.node.routing;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * How {@link RoutingTableActor} checks that its peers are alive, besides the table's own last
 * sightings: each contact's failed calls in a row (it is evicted at {@code max-failures}), the
 * pings it sends (at most one out per peer), and when a peer that did not answer is pinged again
 * ({@link ProbeBackoff}). The actor's alone (not thread-safe): this sends the pings, the actor
 * turns their answers into its own messages and starts the reprobe timers.
 */
final class Liveness {
  private final PeerRpc rpc;
  private final Duration pingTimeout;
  private final int maxFailures;
  private final Map<NodeId, Integer> failures = new HashMap<>();
  private final Set<NodeId> pinging = new HashSet<>();
  private final ProbeBackoff<NodeId> backoff;

  /** Checks by {@code rpc} as {@code settings} say: ping timeout, max-failures, reprobe backoff. */
  Liveness(RoutingSettings settings, PeerRpc rpc) {
    this.rpc = rpc;
    this.pingTimeout = settings.pingTimeout();
    this.maxFailures = settings.maxFailures();
    this.backoff = new ProbeBackoff<>(settings.reprobeMinBackoff(), settings.reprobeMaxBackoff(),
        settings.reprobeAttempts());
  }

  /** A signed message from {@code id} proved it alive: its failed calls start over. */
  void verified(NodeId id) {
    failures.remove(id);
  }

  /** A call to {@code id}, a contact of the table, failed: whether max-failures in a row did. */
  boolean callFailed(NodeId id) {
    return failures.merge(id, 1, Integer::sum) >= maxFailures;
  }

  /** {@code id} left the table: its failed calls start over. */
  void evicted(NodeId id) {
    failures.remove(id);
  }

  /** Membership reports {@code id} not yet proven: its reprobe backoff starts over. */
  void probed(NodeId id) {
    backoff.clear(id);
  }

  /**
   * Membership gave up on {@code id}: it is not pinged again, and the answer to a ping out to it
   * is no longer current.
   */
  void givenUp(NodeId id) {
    backoff.clear(id);
    pinging.remove(id);
  }

  /** Pings {@code contact} unless a ping to it is out: the answer, or empty if none was sent. */
  Optional<CompletionStage<Message>> ping(Contact contact) {
    if (!pinging.add(contact.id())) {
      return Optional.empty();
    }
    return Optional.of(rpc.call(contact, new Message.Ping(), pingTimeout));
  }

  /**
   * The ping to {@code id} came back, answered if {@code alive}; a peer that answered is not
   * pinged again. Returns whether the ping was current: not if membership gave up on the peer
   * while the ping was out (no re-probe then).
   */
  boolean pingAnswered(NodeId id, boolean alive) {
    boolean current = pinging.remove(id);
    if (alive) {
      backoff.clear(id);
    }
    return current;
  }

  /** The delay before pinging {@code id} again; empty once its attempts are used up. */
  Optional<Duration> reprobeDelay(NodeId id) {
    return backoff.next(id);
  }

  /**
   * At the reprobe time of {@code id}: whether to ping it, which is neither back in the table
   * ({@code inTable}; then it is not pinged again) nor given up.
   */
  boolean reprobeDue(NodeId id, boolean inTable) {
    if (inTable) {
      backoff.clear(id);
      return false;
    }
    return backoff.tracks(id);
  }
}
