package io.kadence.node.transport;

import io.kadence.dht.wire.Message;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Traffic counters of the signed RPC, for the node's info and the HTTP stats: requests served by
 * type, requests dropped by {@link InboundRejection} reason, handler failures, calls made by type
 * and calls failed by {@link PeerRpcException.Reason}, and the signed envelopes this node handed
 * to the transport: requests sent and replies sent. Every counter exists from the start, so a
 * snapshot always has the same keys.
 *
 * <p>{@code requestsSent + repliesSent} is every signed envelope the peer sent, the "messages"
 * of the load generator's messages per operation. A call counts in {@code outboundCalls} when it
 * is made and in {@code requestsSent} only once its envelope is signed and handed to the
 * transport (a call that failed {@code NOT_SENT} before that is not a message); an accepted
 * request counts in {@code repliesSent} once its signed reply is handed to the transport, so
 * {@code repliesSent = inboundRequests - handlerFailures} once the replies in progress are sent.
 * Pekko's own cluster traffic (gossip, heartbeats) is not signed and not counted.
 *
 * <p>Thread-safe and cheap to update from any thread: {@link LongAdder}s in maps that never
 * change shape after construction. A snapshot is not atomic across counters.
 */
public final class NodeStats {
  private final Map<Class<? extends Message>, LongAdder> inboundRequests = perRequestType();
  private final Map<InboundRejection, LongAdder> inboundRejections =
      perConstant(InboundRejection.class);
  private final LongAdder handlerFailures = new LongAdder();
  private final Map<Class<? extends Message>, LongAdder> outboundCalls = perRequestType();
  private final Map<PeerRpcException.Reason, LongAdder> outboundFailures =
      perConstant(PeerRpcException.Reason.class);
  private final LongAdder requestsSent = new LongAdder();
  private final LongAdder repliesSent = new LongAdder();

  /** Counts a verified, decoded request the endpoint passed to its handler. */
  public void inboundRequest(Message request) {
    counterOf(inboundRequests, request).increment();
  }

  /** Counts a request the endpoint dropped for {@code reason}. */
  public void inboundRejected(InboundRejection reason) {
    inboundRejections.get(reason).increment();
  }

  /** Counts an accepted request that got no reply because the handler failed or answered wrongly. */
  public void handlerFailed() {
    handlerFailures.increment();
  }

  /** Counts a call this node makes. */
  public void outboundCall(Message request) {
    counterOf(outboundCalls, request).increment();
  }

  /** Counts a call that produced no usable reply, for {@code reason}. */
  public void outboundFailed(PeerRpcException.Reason reason) {
    outboundFailures.get(reason).increment();
  }

  /** Counts a signed request envelope handed to the transport. */
  public void requestSent() {
    requestsSent.increment();
  }

  /** Counts a signed reply envelope handed to the transport. */
  public void replySent() {
    repliesSent.increment();
  }

  /** The counters now, keyed by request type name ({@code FindNode}) or reason. */
  public Snapshot snapshot() {
    return new Snapshot(byName(inboundRequests), sum(inboundRejections), handlerFailures.sum(),
        byName(outboundCalls), sum(outboundFailures), requestsSent.sum(), repliesSent.sum());
  }

  /**
   * Immutable counts at one moment.
   *
   * @param inboundRequests requests served, by type name, in {@link MessageRoles#REQUEST_TYPES} order
   * @param inboundRejections requests dropped, by reason
   * @param handlerFailures accepted requests that got no reply because the handler failed
   * @param outboundCalls calls made, by type name
   * @param outboundFailures calls without a usable reply, by reason
   * @param requestsSent signed request envelopes handed to the transport
   * @param repliesSent signed reply envelopes handed to the transport
   */
  public record Snapshot(Map<String, Long> inboundRequests,
      Map<InboundRejection, Long> inboundRejections, long handlerFailures,
      Map<String, Long> outboundCalls, Map<PeerRpcException.Reason, Long> outboundFailures,
      long requestsSent, long repliesSent) {
    /** Copies the maps, keeping their order. */
    public Snapshot {
      inboundRequests = Collections.unmodifiableMap(new LinkedHashMap<>(inboundRequests));
      inboundRejections = Collections.unmodifiableMap(new LinkedHashMap<>(inboundRejections));
      outboundCalls = Collections.unmodifiableMap(new LinkedHashMap<>(outboundCalls));
      outboundFailures = Collections.unmodifiableMap(new LinkedHashMap<>(outboundFailures));
    }

    /** Every signed envelope sent: requests and replies. */
    public long envelopesSent() {
      return requestsSent + repliesSent;
    }

    /** All requests dropped, whatever the reason. */
    public long inboundRejectionTotal() {
      return inboundRejections.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static LongAdder counterOf(Map<Class<? extends Message>, LongAdder> counters,
      Message request) {
    LongAdder counter = counters.get(request.getClass());
    if (counter == null) {
      throw new IllegalArgumentException("not a request: " + MessageRoles.nameOf(request));
    }
    return counter;
  }

  private static Map<Class<? extends Message>, LongAdder> perRequestType() {
    Map<Class<? extends Message>, LongAdder> counters = new LinkedHashMap<>();
    MessageRoles.REQUEST_TYPES.forEach(type -> counters.put(type, new LongAdder()));
    return Collections.unmodifiableMap(counters);
  }

  private static <E extends Enum<E>> Map<E, LongAdder> perConstant(Class<E> type) {
    Map<E, LongAdder> counters = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      counters.put(constant, new LongAdder());
    }
    return Collections.unmodifiableMap(counters);
  }

  private static Map<String, Long> byName(Map<Class<? extends Message>, LongAdder> counters) {
    Map<String, Long> out = new LinkedHashMap<>();
    counters.forEach((type, counter) -> out.put(type.getSimpleName(), counter.sum()));
    return out;
  }

  private static <E extends Enum<E>> Map<E, Long> sum(Map<E, LongAdder> counters) {
    Map<E, Long> out = new LinkedHashMap<>();
    counters.forEach((key, counter) -> out.put(key, counter.sum()));
    return out;
  }
}
