package io.kadence.node;

import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.routing.ContactsView;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.storage.LocalStore;
import io.kadence.node.transport.RequestHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Answers the verified requests of other peers (Kademlia, section 2.3) from this node's routing
 * table and record store: PING with PONG; FIND_NODE with the k closest contacts known, leaving
 * out the requester; FIND_VALUE with the records held and the k closest contacts; STORE with
 * the store's verdict; LEAVE by evicting the sender, answered with PONG.
 *
 * <p>FIND_NODE and FIND_VALUE are answered on the caller's thread from the routing table's
 * {@link ContactsView} and the store's persisted view ({@link LocalStore#get}), so the stage is
 * already complete (except on a peer whose store is still recovering): no actor is asked.
 */
final class LocalRequestHandler implements RequestHandler {
  private final ActorRef<RoutingTableActor.Command> routing;
  private final ContactsView contacts;
  private final LocalStore store;
  private final int k;
  private final int maxRecords;

  LocalRequestHandler(ActorRef<RoutingTableActor.Command> routing, ContactsView contacts,
      LocalStore store, int k, int maxRecords) {
    this.routing = routing;
    this.contacts = contacts;
    this.store = store;
    this.k = k;
    this.maxRecords = maxRecords;
  }

  @Override
  public CompletionStage<Message> handle(Contact sender, Message request) {
    if (request instanceof Message.Ping) {
      return CompletableFuture.completedFuture(new Message.Pong());
    } else if (request instanceof Message.FindNode find) {
      return CompletableFuture.completedFuture(
          new Message.Nodes(contacts.closest(find.target(), k, sender.id())));
    } else if (request instanceof Message.FindValue find) {
      int limit = Math.min(find.maxRecords(), maxRecords);
      return store.get(find.key()).thenApply(records -> new Message.Value(
          records.subList(0, Math.min(limit, records.size())),
          contacts.closest(find.key().id(), k, sender.id())));
    } else if (request instanceof Message.Store put) {
      return store.store(put.record(), put.expected()).thenApply(Message.StoreAck::new);
    } else if (request instanceof Message.Leave) {
      routing.tell(new RoutingTableActor.Evict(sender.id()));
      return CompletableFuture.completedFuture(new Message.Pong());
    }
    return CompletableFuture.failedFuture(
        new IllegalArgumentException("not a request: " + request.getClass().getSimpleName()));
  }
}
