package io.kadence.node.transport;

import io.kadence.crypto.envelope.EnvelopeVerifier;
import io.kadence.crypto.envelope.MalformedEnvelopeException;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.envelope.Verification;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireCodec;
import io.kadence.dht.wire.WireDecodeException;
import io.kadence.dht.wire.WireRegistry;
import io.kadence.node.settings.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The only actor remote peers talk to (DESIGN.md, "PeerEndpoint"), spawned by the node guardian
 * as {@code /user/endpoint} ({@link PeerAddresses}). For each {@link PeerRequest} it checks, in
 * order: size; the envelope (signature, sender ID = hash of the key, recipient = this node,
 * freshness, replay), with the crypto module's {@link EnvelopeVerifier}, which also accepts a
 * PING addressed to anyone (a member that does not know this node's ID yet asks who is here:
 * {@link PeerRpc#identify}); that the payload decodes
 * within the wire limits; that it is a request ({@link MessageRoles}). Only then does the
 * {@link RequestHandler} see it, with the sender as a contact (its proven ID, and host and port
 * of the reply path), and {@link PeerEvents#verified} hear of the sender (not for LEAVE: a
 * leaving peer is not to be re-added to routing tables; nor for a PING to anyone, which any
 * node it was sent to could pass on to others with its own reply path: it gets its PONG, and
 * changes nothing here).
 *
 * <p>A request that fails a check gets no reply at all, so a prober learns nothing and waits for
 * its timeout; it is counted in {@link NodeStats} and logged at debug, with a warning at most
 * every {@link #WARN_INTERVAL}. The endpoint never throws on bad input.
 *
 * <p>The reply is signed for the sender with the request's id and sent to the reply path off the
 * actor, on its dispatcher, so signing costs no mailbox time. Verification, however, runs inside
 * the actor, because the replay window must see every accepted pair in order: at about 15k
 * Ed25519 verifications a second on one core (NOTES.md), that bounds one node's inbound rate,
 * and a flood of forged envelopes costs one verification each. Moving signature checks to a
 * pool in front of the actor, keeping only the replay check here, is the next step if that
 * bound bites.
 *
 * <p>Supervised with resume: state (the replay window) must survive a bug, since a fresh window
 * would accept replays of everything still fresh.
 */
public final class PeerEndpoint extends AbstractBehavior<PeerEndpoint.Command> {
  /** What the endpoint receives: {@link PeerRequest}s from peers, and its own private messages. */
  public sealed interface Command permits PeerRequest, HandlerCompleted, ReplyFailed {}

  private record HandlerCompleted(Contact sender, Message request, long requestId,
      ActorRef<PeerResponse> replyTo, Message reply, Throwable failure) implements Command {}

  private record ReplyFailed(Contact sender, Message request, Throwable failure)
      implements Command {}

  /** Least time between two warnings about dropped requests; each drop is logged at debug. */
  public static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

  private final NodeKeyPair identity;
  private final String self;
  private final EnvelopeVerifier verifier;
  private final int maxEnvelopeBytes;
  private final WireCodec codec;
  private final RequestHandler handler;
  private final PeerEvents events;
  private final NodeStats stats;
  private final Clock clock;
  private final PeerAddresses addresses;
  private final Executor signing;
  private long nextWarnMillis = Long.MIN_VALUE;
  private long droppedSinceWarn;

  /**
   * The endpoint of the node {@code identity}. Envelopes may carry payloads up to the codec's
   * {@code maxMessageBytes} (so the largest envelope is {@code NodeSettings.maxEnvelopeBytes()});
   * freshness window and replay capacity come from {@code security}.
   */
  public static Behavior<Command> create(NodeKeyPair identity, WireCodec codec,
      SecuritySettings security, RequestHandler handler, PeerEvents events, NodeStats stats,
      Clock clock) {
    Behavior<Command> endpoint = Behaviors.setup(context -> new PeerEndpoint(context, identity,
        codec, security, handler, events, stats, clock));
    return Behaviors.supervise(endpoint).onFailure(SupervisorStrategy.resume());
  }

  private PeerEndpoint(ActorContext<Command> context, NodeKeyPair identity, WireCodec codec,
      SecuritySettings security, RequestHandler handler, PeerEvents events, NodeStats stats,
      Clock clock) {
    super(context);
    this.identity = identity;
    this.self = NodeId.of(identity.nodeId()).shortHex();
    int maxPayloadBytes = codec.limits().maxMessageBytes();
    this.maxEnvelopeBytes = maxPayloadBytes + SignedEnvelope.FIXED_BYTES;
    this.verifier = new EnvelopeVerifier(identity.nodeId(), clock, security.freshnessWindow(),
        new ReplayWindow(security.freshnessWindow(), security.replayCapacity()), maxPayloadBytes,
        type -> type == WireRegistry.PING);
    this.codec = codec;
    this.handler = handler;
    this.events = events;
    this.stats = stats;
    this.clock = clock;
    this.addresses = new PeerAddresses(context.getSystem());
    this.signing = context.getExecutionContext();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(PeerRequest.class, this::onRequest)
        .onMessage(HandlerCompleted.class, this::onHandlerCompleted)
        .onMessage(ReplyFailed.class, this::onReplyFailed)
        .build();
  }

  private Behavior<Command> onRequest(PeerRequest request) {
    Optional<SignedEnvelope> verified = verify(request.envelope());
    if (verified.isEmpty()) {
      return this;
    }
    SignedEnvelope envelope = verified.get();
    NodeId senderId = NodeId.of(envelope.senderId());
    Optional<Contact> sender = addresses.contactOf(senderId, request.replyTo());
    if (sender.isEmpty()) {
      drop(InboundRejection.BAD_RETURN_ADDRESS, senderId.shortHex(),
          "reply path " + request.replyTo().path());
      return this;
    }
    Message message;
    try {
      message = codec.decode(envelope.payloadType(), envelope.payload());
    } catch (WireDecodeException e) {
      drop(InboundRejection.DECODE_FAILED, senderId.shortHex(), e.getMessage());
      return this;
    }
    if (!MessageRoles.isRequest(message)) {
      drop(InboundRejection.UNEXPECTED_TYPE, senderId.shortHex(),
          MessageRoles.nameOf(message) + " is not a request");
      return this;
    }
    dispatch(sender.get(), message, envelope.requestId(), !envelope.toAnyone(),
        request.replyTo());
    return this;
  }

  private Optional<SignedEnvelope> verify(byte[] bytes) {
    if (bytes.length > maxEnvelopeBytes) {
      drop(InboundRejection.MALFORMED, "unknown",
          "envelope of " + bytes.length + " bytes exceeds " + maxEnvelopeBytes);
      return Optional.empty();
    }
    Verification verification = verifier.verify(bytes);
    if (verification instanceof Verification.Rejected rejected) {
      drop(InboundRejection.of(rejected.reason()), claimedSender(bytes), rejected.detail());
      return Optional.empty();
    }
    return Optional.of(((Verification.Accepted) verification).envelope());
  }

  private void dispatch(Contact sender, Message message, long requestId, boolean toThisNode,
      ActorRef<PeerResponse> replyTo) {
    stats.inboundRequest(message);
    getContext().getLog().debug("{}: {} from {}, request {}", self, MessageRoles.nameOf(message),
        sender, Long.toUnsignedString(requestId));
    if (toThisNode && !(message instanceof Message.Leave)) {
      events.verified(sender);
    }
    CompletionStage<Message> handled = handle(sender, message);
    if (handled instanceof CompletableFuture<Message> done && done.isDone()) {
      // Answered at once (PING, FIND_NODE, FIND_VALUE): no round through the mailbox.
      done.whenComplete((reply, failure) -> onHandlerCompleted(
          new HandlerCompleted(sender, message, requestId, replyTo, reply, failure)));
      return;
    }
    getContext().pipeToSelf(handled, (reply, failure) ->
        new HandlerCompleted(sender, message, requestId, replyTo, reply, failure));
  }

  private CompletionStage<Message> handle(Contact sender, Message message) {
    try {
      CompletionStage<Message> reply = handler.handle(sender, message);
      return reply != null ? reply
          : CompletableFuture.failedFuture(new IllegalStateException("handler returned null"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Behavior<Command> onHandlerCompleted(HandlerCompleted done) {
    String request = MessageRoles.nameOf(done.request());
    if (done.failure() != null) {
      stats.handlerFailed();
      getContext().getLog().warn("{}: no reply to {} from {}: handler failed: {}", self, request,
          done.sender(), done.failure().toString());
      return this;
    }
    if (!MessageRoles.answers(done.request(), done.reply())) {
      stats.handlerFailed();
      getContext().getLog().error("{}: no reply to {} from {}: handler answered with {}", self,
          request, done.sender(), MessageRoles.nameOf(done.reply()));
      return this;
    }
    ActorRef<Command> me = getContext().getSelf();
    CompletableFuture.runAsync(() -> sendReply(done), signing)
        .exceptionally(failure -> tellReplyFailed(me, done, failure));
    return this;
  }

  private static Void tellReplyFailed(ActorRef<Command> me, HandlerCompleted done,
      Throwable failure) {
    me.tell(new ReplyFailed(done.sender(), done.request(), failure));
    return null;
  }

  /** Runs on the dispatcher, not in the actor: it reads only final, thread-safe fields. */
  private void sendReply(HandlerCompleted done) {
    byte[] payload = codec.encode(done.reply());
    SignedEnvelope reply = SignedEnvelope.sign(identity, done.sender().id().bytes(),
        done.requestId(), clock.millis(), codec.typeOf(done.reply()), payload);
    byte[] bytes = reply.toBytes();
    stats.replySent();
    done.replyTo().tell(new PeerResponse(bytes));
  }

  private Behavior<Command> onReplyFailed(ReplyFailed failed) {
    stats.handlerFailed();
    getContext().getLog().error("{}: no reply to {} from {}: cannot sign the reply: {}", self,
        MessageRoles.nameOf(failed.request()), failed.sender(), failed.failure().toString());
    return this;
  }

  private void drop(InboundRejection reason, String from, String detail) {
    stats.inboundRejected(reason);
    getContext().getLog().debug("{}: dropped request from {}: {} ({})", self, from, reason, detail);
    droppedSinceWarn++;
    long now = clock.millis();
    if (now >= nextWarnMillis) {
      getContext().getLog().warn("{}: dropped {} request(s) since the last warning, the latest "
          + "from {}: {}", self, droppedSinceWarn, from, reason);
      droppedSinceWarn = 0;
      nextWarnMillis = now + WARN_INTERVAL.toMillis();
    }
  }

  /** The sender an envelope claims, for the log only: it is not proven when a check failed. */
  private String claimedSender(byte[] bytes) {
    try {
      SignedEnvelope envelope = SignedEnvelope.fromBytes(bytes,
          maxEnvelopeBytes - SignedEnvelope.FIXED_BYTES);
      return "claimed " + NodeId.of(envelope.senderId()).shortHex();
    } catch (MalformedEnvelopeException e) {
      return "unknown";
    }
  }
}
