package io.kadence.node.transport;

import io.kadence.crypto.envelope.EnvelopeVerifier;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.envelope.Verification;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireCodec;
import io.kadence.dht.wire.WireDecodeException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The caller's checks on the reply to one of its calls (DESIGN.md, "Identity, signatures and the
 * wire"): the crypto module's envelope checks (form and size, signature, sender ID = SHA-256 of
 * the key, recipient = this node, freshness), then that the signer is the node that was called
 * (any signer for a call to {@link SignedPeerRpc#ANYONE}, which is how it learns who is there)
 * and the reply answers this request id, then the payload decodes to the message type that
 * answers the request ({@link MessageRoles}).
 *
 * <p>No replay window: a reply is only ever matched against the one outstanding request id of
 * its call, and the call completes once, so a replayed reply finds nothing to complete. The
 * crypto module's verifier always consults a window, so each check gets a throwaway one of
 * capacity one (a few small allocations, next to an Ed25519 verification).
 *
 * <p>Thread-safe: it keeps no mutable state, so replies are verified on whatever thread completes
 * the call.
 */
final class ReplyVerifier {
  private final byte[] localNodeId;
  private final Clock clock;
  private final Duration freshness;
  private final int maxPayloadBytes;
  private final WireCodec codec;

  ReplyVerifier(byte[] localNodeId, Clock clock, Duration freshness, int maxPayloadBytes,
      WireCodec codec) {
    this.localNodeId = localNodeId.clone();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.freshness = Objects.requireNonNull(freshness, "freshness");
    this.maxPayloadBytes = maxPayloadBytes;
    this.codec = Objects.requireNonNull(codec, "codec");
    // Fails now, not on the first reply, if the freshness window is unusable.
    newVerifier();
  }

  /** A verified reply and the node that signed it. */
  record Reply(NodeId signer, Message message) {}

  /**
   * The verified reply from {@code peer} to {@code request}, sent as request {@code requestId};
   * from any signer if {@code peer}'s ID is {@link SignedPeerRpc#ANYONE}.
   *
   * @throws PeerRpcException {@code BAD_REPLY} if the envelope fails a check or the payload does
   *     not decode; {@code UNEXPECTED_REPLY} if it decodes to a message that does not answer
   *     the request
   */
  Reply verify(Contact peer, Message request, long requestId, byte[] envelope) {
    Verification verification = newVerifier().verify(envelope);
    if (verification instanceof Verification.Rejected rejected) {
      throw failure(peer, PeerRpcException.Reason.BAD_REPLY,
          rejected.reason() + ": " + rejected.detail());
    }
    SignedEnvelope reply = ((Verification.Accepted) verification).envelope();
    NodeId signer = NodeId.of(reply.senderId());
    if (!signer.equals(peer.id()) && !peer.id().equals(SignedPeerRpc.ANYONE)) {
      throw failure(peer, PeerRpcException.Reason.BAD_REPLY, "signed by " + signer.shortHex());
    }
    if (reply.requestId() != requestId) {
      throw failure(peer, PeerRpcException.Reason.BAD_REPLY, "answers request "
          + Long.toUnsignedString(reply.requestId()) + ", not " + Long.toUnsignedString(requestId));
    }
    Message message;
    try {
      message = codec.decode(reply.payloadType(), reply.payload());
    } catch (WireDecodeException e) {
      throw failure(peer, PeerRpcException.Reason.BAD_REPLY, "undecodable: " + e.getMessage());
    }
    if (!MessageRoles.answers(request, message)) {
      throw failure(peer, PeerRpcException.Reason.UNEXPECTED_REPLY, MessageRoles.nameOf(message)
          + " does not answer " + MessageRoles.nameOf(request));
    }
    return new Reply(signer, message);
  }

  private EnvelopeVerifier newVerifier() {
    return new EnvelopeVerifier(localNodeId, clock, freshness, new ReplayWindow(freshness, 1),
        maxPayloadBytes);
  }

  private static PeerRpcException failure(Contact peer, PeerRpcException.Reason reason,
      String detail) {
    return new PeerRpcException(peer, reason, detail);
  }
}
