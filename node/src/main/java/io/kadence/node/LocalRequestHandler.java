package io.kadence.node;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.routing.RoutingTableActor;
import io.kadence.node.storage.LocalStore;
import io.kadence.node.transport.RequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;

/**
 * Answers the verified requests of other peers (Kademlia, section 2.3) from this node's routing
 * table and record store: PING with PONG; FIND_NODE with the k closest contacts known, leaving
 * out the requester; FIND_VALUE with the records held and the k closest contacts; STORE with
 * the store's verdict; LEAVE by evicting the sender, answered with PONG.
 */
final class LocalRequestHandler implements RequestHandler {
  private final ActorRef<RoutingTableActor.Command> routing;
  private final LocalStore store;
  private final int k;
  private final int maxRecords;
  private final Scheduler scheduler;
  private final Duration timeout;

  LocalRequestHandler(ActorRef<RoutingTableActor.Command> routing, LocalStore store, int k,
      int maxRecords, Scheduler scheduler, Duration timeout) {
    this.routing = routing;
    this.store = store;
    this.k = k;
    this.maxRecords = maxRecords;
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<Message> handle(Contact sender, Message request) {
    if (request instanceof Message.Ping) {
      return CompletableFuture.completedFuture(new Message.Pong());
    } else if (request instanceof Message.FindNode find) {
      return closest(find.target(), sender).thenApply(Message.Nodes::new);
    } else if (request instanceof Message.FindValue find) {
      int limit = Math.min(find.maxRecords(), maxRecords);
      return store.get(find.key()).thenCombine(closest(find.key().id(), sender),
          (records, closer) -> new Message.Value(
              records.subList(0, Math.min(limit, records.size())), closer));
    } else if (request instanceof Message.Store put) {
      return store.store(put.record(), put.expected()).thenApply(Message.StoreAck::new);
    } else if (request instanceof Message.Leave) {
      routing.tell(new RoutingTableActor.Evict(sender.id()));
      return CompletableFuture.completedFuture(new Message.Pong());
    }
    return CompletableFuture.failedFuture(
        new IllegalArgumentException("not a request: " + request.getClass().getSimpleName()));
  }

  /** The k closest contacts to {@code target}, without the requester itself. */
  private CompletionStage<List<Contact>> closest(NodeId target, Contact requester) {
    return Asks.<RoutingTableActor.Command, List<Contact>>ask(routing,
            replyTo -> new RoutingTableActor.Closest(target, k + 1, false, replyTo), timeout,
            scheduler)
        .thenApply(contacts -> contacts.stream()
            .filter(c -> !c.id().equals(requester.id())).limit(k).toList());
  }
}
