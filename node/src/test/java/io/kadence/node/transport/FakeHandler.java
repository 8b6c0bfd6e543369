package io.kadence.node.transport;

import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A {@link RequestHandler} that records each call and answers it with {@link #answer}, by default
 * {@link #canned}.
 */
final class FakeHandler implements RequestHandler {
  /** One call the endpoint made. */
  record Call(Contact sender, Message request) {}

  final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  volatile Function<Message, CompletionStage<Message>> answer = FakeHandler::canned;

  @Override
  public CompletionStage<Message> handle(Contact sender, Message request) {
    calls.add(new Call(sender, request));
    return answer.apply(request);
  }

  /** The canned reply, already complete. */
  static CompletionStage<Message> canned(Message request) {
    return CompletableFuture.completedFuture(cannedReply(request));
  }

  /** A reply of the right type for every request. */
  static Message cannedReply(Message request) {
    if (request instanceof Message.FindNode) {
      return new Message.Nodes(List.of(new Contact(TransportFixtures.idOf(TransportFixtures.key(60)),
          "10.0.0.60", 7460)));
    }
    if (request instanceof Message.FindValue) {
      return new Message.Value(List.of(TransportFixtures.RECORD), List.of());
    }
    if (request instanceof Message.Store) {
      return Message.StoreAck.ok();
    }
    return new Message.Pong();
  }
}
