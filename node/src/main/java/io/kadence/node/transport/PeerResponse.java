package io.kadence.node.transport;

import io.kadence.node.serialization.KadenceSerializable;
import java.util.Arrays;
import java.util.Objects;

/** A peer's signed reply to a {@link PeerRequest}: a signed envelope as opaque bytes. */
public record PeerResponse(byte[] envelope) implements KadenceSerializable {
  public PeerResponse {
    Objects.requireNonNull(envelope, "envelope");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerResponse other && Arrays.equals(envelope, other.envelope);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(envelope);
  }

  @Override
  public String toString() {
    return "PeerResponse[" + envelope.length + " bytes]";
  }
}
