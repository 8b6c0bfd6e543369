package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: peers at chosen XOR distances from {@link #TARGET} (the zero id), so that peer
 * {@code n} is the n-th closest and a test reads like the order it checks.
 */
final class Peers {
  static final NodeId TARGET = id(0);

  private Peers() {}

  /** The id whose value, and so whose distance to {@link #TARGET}, is {@code n}. */
  static NodeId id(long n) {
    return NodeId.of(ByteBuffer.allocate(NodeId.BYTES).putLong(NodeId.BYTES - 8, n).array());
  }

  static Contact contact(long n) {
    return new Contact(id(n), "peer" + n, 4000);
  }

  static List<Contact> contacts(long... ns) {
    List<Contact> out = new ArrayList<>();
    for (long n : ns) {
      out.add(contact(n));
    }
    return out;
  }
}
