package io.kadence.node.transport;

import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireCodec;
import io.kadence.node.Asks;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeerRpc} over Pekko: signs each request into an envelope for the contact's node ID, asks
 * the contact's {@link PeerEndpoint} ({@link PeerAddresses}), and accepts only a reply that
 * {@link ReplyVerifier} passes: signed by the node called, for this node, fresh, for this
 * request id, and of the type that answers the request ({@link MessageRoles}).
 *
 * <p>{@link #identify} is a PING to {@link #ANYONE} at an address, whose PONG may be signed by any
 * node: the caller learns the node ID there (and, through {@link PeerEvents}, so does its
 * routing table).
 *
 * <p>Request ids come from one counter per instance that starts at a random point, so they are
 * unique per sender for 2^64 calls and not predictable by peers. Replies need no replay window:
 * each call waits for exactly one reply with its own request id and completes once.
 *
 * <p>Threads: signing and verification run on the actor system's default dispatcher, never on the
 * caller's thread (usually an actor's mailbox loop) nor on the thread that completes the ask
 * (Artery's inbound stream for a remote reply). The timeout covers the round trip after signing.
 *
 * <p>Each outcome is counted in {@link NodeStats} and reported to {@link PeerEvents}: verified on
 * a good reply, failed with the reason otherwise; failures are logged at debug.
 */
public final class SignedPeerRpc implements PeerRpc {
  private static final Logger LOG = LoggerFactory.getLogger(SignedPeerRpc.class);

  /**
   * The node ID of a contact whose ID is not known ({@link SignedEnvelope#anyone()}: no honest
   * node has it), used only for {@link #identify}.
   */
  public static final NodeId ANYONE = NodeId.of(SignedEnvelope.anyone());

  private final ActorSystem<?> system;
  private final NodeKeyPair identity;
  private final String self;
  private final WireCodec codec;
  private final Clock clock;
  private final PeerEvents events;
  private final NodeStats stats;
  private final PeerAddresses addresses;
  private final ReplyVerifier verifier;
  private final Executor executor;
  private final AtomicLong nextRequestId = new AtomicLong(new SecureRandom().nextLong());

  /**
   * Calls from the node {@code identity} through {@code system}, accepting replies whose
   * timestamp is within {@code freshness} of {@code clock} and whose envelope is at most
   * {@code maxEnvelopeBytes} ({@code NodeSettings.maxEnvelopeBytes()}).
   */
  public SignedPeerRpc(ActorSystem<?> system, NodeKeyPair identity, WireCodec codec, Clock clock,
      Duration freshness, int maxEnvelopeBytes, PeerEvents events, NodeStats stats) {
    if (maxEnvelopeBytes < SignedEnvelope.FIXED_BYTES) {
      throw new IllegalArgumentException("maxEnvelopeBytes below the envelope's "
          + SignedEnvelope.FIXED_BYTES + " fixed bytes: " + maxEnvelopeBytes);
    }
    this.system = Objects.requireNonNull(system, "system");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.self = NodeId.of(identity.nodeId()).shortHex();
    this.codec = Objects.requireNonNull(codec, "codec");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.addresses = new PeerAddresses(system);
    this.verifier = new ReplyVerifier(identity.nodeId(), clock, freshness,
        maxEnvelopeBytes - SignedEnvelope.FIXED_BYTES, codec);
    this.executor = system.executionContext();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The returned stage fails with the {@link PeerRpcException} itself, not wrapped.
   *
   * @throws IllegalArgumentException if {@code request} is not a request, breaks the wire limits,
   *     or the timeout is not positive: programming errors, not failures of the peer
   */
  @Override
  public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
    Objects.requireNonNull(to, "to");
    if (!MessageRoles.isRequest(request)) {
      throw new IllegalArgumentException("not a request: " + MessageRoles.nameOf(request));
    }
    Call call = new Call(to, request, nextRequestId.getAndIncrement(), new CompletableFuture<>(),
        null);
    if (to.id().equals(ANYONE)) {
      // No node has this ID: a contact with it came from a confused or hostile peer.
      fail(call, new PeerRpcException(to, PeerRpcException.Reason.NOT_SENT,
          "no node has the all-zero ID"));
      return call.result();
    }
    send(call, timeout);
    return call.result();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The returned stage fails with the {@link PeerRpcException} itself, not wrapped; a failure
   * is counted, but not reported to {@link PeerEvents} (there is no node ID to report it for).
   *
   * @throws IllegalArgumentException if the port is out of range or the timeout not positive
   */
  @Override
  public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
    Call call = new Call(new Contact(ANYONE, host, port), new Message.Ping(),
        nextRequestId.getAndIncrement(), new CompletableFuture<>(), new CompletableFuture<>());
    send(call, timeout);
    return call.identified();
  }

  private void send(Call call, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    Contact to = call.to();
    byte[] payload = codec.encode(call.request());
    stats.outboundCall(call.request());
    LOG.debug("{}: {} to {}, request {}", self, MessageRoles.nameOf(call.request()), to,
        call.idText());
    ActorRef<PeerRequest> endpoint;
    try {
      endpoint = addresses.endpointOf(to);
      CompletableFuture.supplyAsync(() -> sign(call, payload), executor)
          .thenCompose(envelope -> ask(endpoint, envelope, timeout))
          .whenCompleteAsync((response, failure) -> settle(call, response, failure, timeout),
              executor);
    } catch (IllegalArgumentException | RejectedExecutionException e) {
      fail(call, new PeerRpcException(to, PeerRpcException.Reason.NOT_SENT, e.getMessage()));
    }
  }

  /** One request; {@code identified} is null unless it is an {@link #identify}. */
  private record Call(Contact to, Message request, long requestId,
      CompletableFuture<Message> result, CompletableFuture<Contact> identified) {
    String idText() {
      return Long.toUnsignedString(requestId);
    }
  }

  private byte[] sign(Call call, byte[] payload) {
    return SignedEnvelope.sign(identity, call.to().id().bytes(), call.requestId(), clock.millis(),
        codec.typeOf(call.request()), payload).toBytes();
  }

  /** Sends the signed request, counted as sent (before the ask, so before any reply). */
  private CompletionStage<PeerResponse> ask(ActorRef<PeerRequest> endpoint, byte[] envelope,
      Duration timeout) {
    stats.requestSent();
    return Asks.ask(endpoint, replyTo -> new PeerRequest(envelope, replyTo), timeout,
        system.scheduler());
  }

  private void settle(Call call, PeerResponse response, Throwable failure, Duration timeout) {
    try {
      if (response == null) {
        throw askFailure(call.to(), failure, timeout);
      }
      ReplyVerifier.Reply reply = verifier.verify(call.to(), call.request(), call.requestId(),
          response.envelope());
      Contact from = call.identified() == null ? call.to()
          : new Contact(reply.signer(), call.to().host(), call.to().port());
      events.verified(from);
      if (call.identified() != null) {
        call.identified().complete(from);
      }
      call.result().complete(reply.message());
    } catch (PeerRpcException e) {
      fail(call, e);
    } catch (RuntimeException e) {
      LOG.warn("{}: {} to {} failed unexpectedly", self, MessageRoles.nameOf(call.request()),
          call.to(), e);
      call.result().completeExceptionally(e);
      if (call.identified() != null) {
        call.identified().completeExceptionally(e);
      }
    }
  }

  private void fail(Call call, PeerRpcException failure) {
    stats.outboundFailed(failure.reason());
    LOG.debug("{}: {} to {}, request {}, failed: {}", self, MessageRoles.nameOf(call.request()),
        call.to(), call.idText(), failure.getMessage());
    if (call.identified() != null) {
      call.identified().completeExceptionally(failure);
    } else {
      events.failed(call.to(), failure.reason());
    }
    call.result().completeExceptionally(failure);
  }

  private static PeerRpcException askFailure(Contact to, Throwable failure, Duration timeout) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    // Pekko's AskTimeoutException is a TimeoutException; its text (the actor path, the
    // message type, "a typical reason ...") made every failed put's log line kilobytes long.
    return cause instanceof TimeoutException
        ? new PeerRpcException(to, PeerRpcException.Reason.TIMEOUT,
            "no answer within " + timeout.toMillis() + " ms")
        : new PeerRpcException(to, PeerRpcException.Reason.NOT_SENT, String.valueOf(cause));
  }
}
