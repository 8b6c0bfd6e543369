package io.kadence.node.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.lookup.FakeNetwork.Fault;
import io.kadence.node.transport.PeerRpcException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fault controls of a {@link FakeNetwork}: whether and when a request reaches its peer and
 * the answer comes back, given the peer's {@link Fault}, the requests it is to drop and the
 * network's delays; and how many calls are in flight at once. Thread-safe.
 */
final class FakeFaults {
  private static final long DEAD_DELAY_MILLIS = 20;

  private final Map<NodeId, Fault> faults = new HashMap<>();
  /** Per peer, requests still to go unanswered, whatever the fault, before the fault applies. */
  private final Map<NodeId, Integer> unanswered = new HashMap<>();
  private long delayMillis;
  private long slowDelayMillis = 2_000;
  private int inFlight;
  private int maxInFlight;

  synchronized void set(NodeId peer, Fault fault) {
    faults.put(peer, fault);
  }

  /** {@code peer} answers none of its next {@code requests} requests (as if dead), then as set. */
  synchronized void dropNext(NodeId peer, int requests) {
    unanswered.put(peer, requests);
  }

  /** Every call completes after {@code millis} (0: before {@code call} returns). */
  synchronized void setDelay(long millis) {
    delayMillis = millis;
  }

  /** A {@link Fault#SLOW} peer answers after {@code millis}. */
  synchronized void setSlowDelay(long millis) {
    slowDelayMillis = millis;
  }

  synchronized boolean isDead(NodeId peer) {
    return fault(peer) == Fault.DEAD;
  }

  synchronized int maxInFlight() {
    return maxInFlight;
  }

  /**
   * The outcome of {@code request} to {@code to}: {@code peer}'s answer, or a timeout when the
   * peer is unknown ({@code null}), drops it, or answers later than {@code timeout}. The peer is
   * asked only when its answer is to arrive, so a dropped STORE stores nothing.
   */
  synchronized CompletionStage<Message> deliver(Contact to, FakePeer peer, Message request,
      Duration timeout) {
    if (peer != null && unanswered.getOrDefault(to.id(), 0) > 0) {
      unanswered.merge(to.id(), -1, Integer::sum);
      return fail(to, Math.min(DEAD_DELAY_MILLIS, timeout.toMillis()));
    }
    Fault fault = fault(to.id());
    if (peer == null || fault == Fault.DEAD
        || (fault == Fault.DROPS_STORES && request instanceof Message.Store)) {
      return fail(to, Math.min(DEAD_DELAY_MILLIS, timeout.toMillis()));
    }
    boolean slow = fault == Fault.SLOW
        || (fault == Fault.SLOW_STORES && request instanceof Message.Store);
    long delay = slow ? slowDelayMillis : delayMillis;
    if (delay > timeout.toMillis()) {
      return fail(to, timeout.toMillis());
    }
    return complete(peer.answer(request), delay);
  }

  private Fault fault(NodeId peer) {
    return faults.getOrDefault(peer, Fault.NONE);
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
