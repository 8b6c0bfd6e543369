package io.kadence.node.transport;

import io.kadence.crypto.envelope.MalformedEnvelopeException;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A plain actor posing as a peer's endpoint: it answers every request in the way its current
 * {@link Mode} says, honestly or with one thing wrong, for the caller's reply checks.
 */
final class Impostor {
  /** How the impostor answers; {@link #HONEST} proves the others fail for their one flaw. */
  enum Mode {
    HONEST, SIGNED_BY_ANOTHER_KEY, WRONG_REQUEST_ID, STALE, FOR_ANOTHER_NODE, FORGED_SIGNATURE,
    GARBAGE, UNDECODABLE_PAYLOAD, UNEXPECTED_TYPE, SILENT
  }

  private final NodeKeyPair posingAs;
  private final NodeKeyPair other;
  final AtomicReference<Mode> mode = new AtomicReference<>(Mode.HONEST);

  /** Answers as {@code posingAs} would; {@code other} signs where the mode says so. */
  Impostor(NodeKeyPair posingAs, NodeKeyPair other) {
    this.posingAs = posingAs;
    this.other = other;
  }

  Behavior<PeerRequest> behavior() {
    return Behaviors.receiveMessage(this::onRequest);
  }

  private Behavior<PeerRequest> onRequest(PeerRequest request) throws MalformedEnvelopeException {
    SignedEnvelope asked = SignedEnvelope.fromBytes(request.envelope(),
        TransportFixtures.SETTINGS.wireLimits().maxMessageBytes());
    byte[] reply = reply(mode.get(), asked);
    if (reply != null) {
      request.replyTo().tell(new PeerResponse(reply));
    }
    return Behaviors.same();
  }

  private byte[] reply(Mode mode, SignedEnvelope asked) {
    long now = System.currentTimeMillis();
    long stale = now - 2 * TransportFixtures.SECURITY.freshnessWindow().toMillis();
    byte[] to = asked.senderId();
    long id = asked.requestId();
    return switch (mode) {
      case HONEST -> sign(posingAs, to, id, now, new Message.Pong());
      case SIGNED_BY_ANOTHER_KEY -> sign(other, to, id, now, new Message.Pong());
      case WRONG_REQUEST_ID -> sign(posingAs, to, id + 1, now, new Message.Pong());
      case STALE -> sign(posingAs, to, id, stale, new Message.Pong());
      case FOR_ANOTHER_NODE -> sign(posingAs, other.nodeId(), id, now, new Message.Pong());
      case FORGED_SIGNATURE -> flipLastByte(sign(posingAs, to, id, now, new Message.Pong()));
      case GARBAGE -> new byte[] {1, 2, 3};
      case UNDECODABLE_PAYLOAD -> SignedEnvelope.sign(posingAs, to, id, now, WireRegistry.PONG,
          new byte[] {1, 2, 3}).toBytes();
      case UNEXPECTED_TYPE -> sign(posingAs, to, id, now, new Message.Nodes(List.of()));
      case SILENT -> null;
    };
  }

  private static byte[] sign(NodeKeyPair signer, byte[] to, long requestId, long timestamp,
      Message reply) {
    return SignedEnvelope.sign(signer, to, requestId, timestamp,
        TransportFixtures.CODEC.typeOf(reply), TransportFixtures.CODEC.encode(reply)).toBytes();
  }

  private static byte[] flipLastByte(byte[] bytes) {
    bytes[bytes.length - 1] ^= 1;
    return bytes;
  }
}
