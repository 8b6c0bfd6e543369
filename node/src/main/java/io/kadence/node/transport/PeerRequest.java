package io.kadence.node.transport;

import io.kadence.node.serialization.KadenceSerializable;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What one peer sends another's endpoint: a signed envelope (crypto module) as opaque bytes, and
 * where the signed reply goes. The bytes are verified before anything in them is decoded
 * (DESIGN.md, "Identity, signatures and the wire"); the reply ref carries no authority.
 * It is the one {@link PeerEndpoint.Command} a peer can send.
 */
public record PeerRequest(byte[] envelope, ActorRef<PeerResponse> replyTo)
    implements KadenceSerializable, PeerEndpoint.Command {
  public PeerRequest {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(replyTo, "replyTo");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerRequest other && java.util.Arrays.equals(envelope, other.envelope)
        && replyTo.equals(other.replyTo);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(envelope) + replyTo.hashCode();
  }

  @Override
  public String toString() {
    return "PeerRequest[" + envelope.length + " bytes, replyTo=" + replyTo.path() + "]";
  }
}
