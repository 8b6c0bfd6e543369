package io.kadence.node.transport;

import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import java.util.concurrent.CompletionStage;

/**
 * The inbound half of the signed RPC, as the rest of the node sees it: {@code PeerEndpoint} calls
 * it only for a request that passed every check (size, signature, sender binding, recipient,
 * freshness, replay) and decoded, and signs whatever reply it completes with.
 */
public interface RequestHandler {
  /**
   * Answers {@code request} from {@code sender}, whose node ID the envelope's signature proved
   * and whose address is the one the transport saw the request come from.
   */
  CompletionStage<Message> handle(Contact sender, Message request);
}
