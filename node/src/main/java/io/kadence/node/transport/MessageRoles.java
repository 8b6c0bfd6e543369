package io.kadence.node.transport;

import io.kadence.dht.wire.Message;
import java.util.List;

/**
 * Which protocol messages are requests and which reply answers which request (Kademlia,
 * section 2.3, plus Kadence's graceful LEAVE). The one place both halves of the signed RPC
 * consult: {@link PeerEndpoint} accepts only requests and sends only a matching reply;
 * {@link SignedPeerRpc} accepts only a matching reply.
 *
 * <pre>
 * PING       -> PONG
 * FIND_NODE  -> NODES
 * FIND_VALUE -> VALUE
 * STORE      -> STORE_ACK
 * LEAVE      -> PONG      (an acknowledgement that carries nothing, like PING's)
 * </pre>
 */
public final class MessageRoles {
  /** The request types, in protocol order. */
  public static final List<Class<? extends Message>> REQUEST_TYPES = List.of(
      Message.Ping.class, Message.FindNode.class, Message.FindValue.class, Message.Store.class,
      Message.Leave.class);

  private MessageRoles() {}

  /** Whether {@code message} is one a peer may send to another's endpoint as a request. */
  public static boolean isRequest(Message message) {
    return message != null && REQUEST_TYPES.contains(message.getClass());
  }

  /** Whether {@code reply} is the kind of message that answers {@code request}. */
  public static boolean answers(Message request, Message reply) {
    return reply != null && replyTypeOf(request) == reply.getClass();
  }

  /**
   * The type that answers {@code request}.
   *
   * @throws IllegalArgumentException if {@code request} is not a request
   */
  public static Class<? extends Message> replyTypeOf(Message request) {
    if (request instanceof Message.Ping || request instanceof Message.Leave) {
      return Message.Pong.class;
    }
    if (request instanceof Message.FindNode) {
      return Message.Nodes.class;
    }
    if (request instanceof Message.FindValue) {
      return Message.Value.class;
    }
    if (request instanceof Message.Store) {
      return Message.StoreAck.class;
    }
    throw new IllegalArgumentException("not a request: " + nameOf(request));
  }

  /** The message's type name for logs and stats, e.g. {@code FindNode}. */
  public static String nameOf(Message message) {
    return message == null ? "null" : message.getClass().getSimpleName();
  }
}
