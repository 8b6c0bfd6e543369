package io.kadence.node.transport;

import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The outbound half of Kadence's signed RPC: send one protocol message to a peer and get its
 * verified reply. Implementations sign the request into an envelope addressed to the contact's
 * node ID, and accept a reply only if it is signed by that same node, addressed to this node,
 * fresh, answers this request id, and decodes to a message. Signature work happens off the
 * calling thread, which is usually an actor's mailbox loop (see below), and off the thread that
 * delivers the reply.
 *
 * <p>Actors use it with {@code context.pipeToSelf(rpc.call(...), ...)}.
 */
public interface PeerRpc {
  /**
   * Sends {@code request} to {@code to} and completes with the verified reply, or exceptionally
   * with a {@link PeerRpcException} that says why there is none.
   */
  CompletionStage<Message> call(Contact to, Message request, Duration timeout);

  /**
   * Pings whoever is at {@code host:port}, for a peer whose node ID is not known yet (a cluster
   * member that just came up), and completes with its contact: {@code host:port} and the node ID
   * of the key that signed the PONG. The PING is addressed to anyone
   * ({@code SignedEnvelope.anyone()}); every other check on the reply is that of {@link #call}.
   * Fails with a {@link PeerRpcException} like {@link #call}.
   */
  CompletionStage<Contact> identify(String host, int port, Duration timeout);
}
