package io.kadence.node.transport;

import static io.kadence.node.transport.TransportFixtures.CODEC;
import static io.kadence.node.transport.TransportFixtures.PATIENCE;
import static io.kadence.node.transport.TransportFixtures.QUIET;
import static io.kadence.node.transport.TransportFixtures.envelope;
import static io.kadence.node.transport.TransportFixtures.idOf;
import static io.kadence.node.transport.TransportFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The endpoint's answers to valid requests, driven by hand-made envelopes from a local probe. */
@ExtendWith(LogCapturingExtension.class)
class PeerEndpointTest {
  static final NodeKeyPair NODE = key(1);
  static final NodeKeyPair PEER = key(2);

  @TempDir static Path dir;
  static ActorTestKit kit;
  EndpointUnderTest endpoint;

  @BeforeAll
  static void start() {
    kit = TransportFixtures.startPeer(dir);
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @BeforeEach
  void spawnEndpoint() {
    endpoint = new EndpointUnderTest(kit, NODE);
  }

  @AfterEach
  void stopEndpoint() {
    endpoint.stop();
  }

  @Test
  void onRequest_shouldAnswerEachRequestWithAReplySignedForTheSenderWhenRequestIsValid()
      throws Exception {
    Contact peer = TransportFixtures.contactOf(kit, PEER);
    long requestId = 1;
    for (Message request : TransportFixtures.requests()) {
      TestProbe<PeerResponse> probe = endpoint.send(envelope(PEER, idOf(NODE), requestId, request));
      SignedEnvelope reply = EndpointUnderTest.verifiedBy(PEER, probe.receiveMessage(PATIENCE));
      assertEquals(idOf(NODE), NodeId.of(reply.senderId()));
      assertEquals(requestId, reply.requestId());
      assertEquals(FakeHandler.cannedReply(request),
          CODEC.decode(reply.payloadType(), reply.payload()));
      assertEquals(new FakeHandler.Call(peer, request), endpoint.handler.calls.poll());
      requestId++;
    }
    NodeStats.Snapshot snapshot = endpoint.stats.snapshot();
    snapshot.inboundRequests().values().forEach(count -> assertEquals(1L, count));
    assertEquals(0, snapshot.inboundRejectionTotal());
    assertEquals(0, snapshot.handlerFailures());
    assertEquals(TransportFixtures.requests().size(), snapshot.repliesSent(), "one per reply");
    assertEquals(0, snapshot.requestsSent());
  }

  @Test
  void onRequest_shouldReportTheSenderAsVerifiedUnlessItIsLeaving() {
    endpoint.send(envelope(PEER, idOf(NODE), 1, new Message.Leave())).receiveMessage(PATIENCE);
    assertTrue(endpoint.events.verified.isEmpty(), "LEAVE must not re-add its sender");
    endpoint.send(envelope(PEER, idOf(NODE), 2, new Message.Ping())).receiveMessage(PATIENCE);
    // A local reply path: the sender's address is this system's own.
    assertEquals(List.of(TransportFixtures.contactOf(kit, PEER)),
        List.copyOf(endpoint.events.verified));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnswers")
  void onHandlerCompleted_shouldSendNothingAndKeepServingWhenTheHandlerFailsOrAnswersWrongly(
      String name, Message request, Function<Message, CompletionStage<Message>> answer) {
    endpoint.handler.answer = answer;
    endpoint.send(envelope(PEER, idOf(NODE), 100, request)).expectNoMessage(QUIET);
    endpoint.handler.answer = FakeHandler::canned;
    endpoint.assertStillServing(PEER);
    NodeStats.Snapshot snapshot = endpoint.stats.snapshot();
    assertEquals(1, snapshot.handlerFailures());
    // Replies sent = requests accepted - handler failures: only the check's ping was answered.
    assertEquals(2, snapshot.inboundRequests().values().stream().mapToLong(c -> c).sum());
    assertEquals(1, snapshot.repliesSent());
  }

  static Stream<Arguments> badAnswers() {
    Message.Value tooManyRecords = new Message.Value(Collections.nCopies(
        TransportFixtures.SETTINGS.wireLimits().maxRecords() + 1, TransportFixtures.RECORD),
        List.of());
    return Stream.of(
        arguments("handler stage fails", new Message.Ping(),
            answer(r -> CompletableFuture.failedFuture(new IllegalStateException("boom")))),
        arguments("handler throws", new Message.Ping(), answer(PeerEndpointTest::throwing)),
        arguments("handler returns null", new Message.Ping(), answer(r -> null)),
        arguments("reply of the wrong type", new Message.Ping(),
            answer(r -> CompletableFuture.completedFuture(new Message.Nodes(List.of())))),
        // Over the wire limits: encoding fails in the signing task, off the actor.
        arguments("reply over the wire limits", new Message.FindValue(Key.of("k"), 1),
            answer(r -> CompletableFuture.completedFuture(tooManyRecords))));
  }

  private static Function<Message, CompletionStage<Message>> answer(
      Function<Message, CompletionStage<Message>> answer) {
    return answer;
  }

  private static CompletionStage<Message> throwing(Message request) {
    throw new IllegalStateException("thrown");
  }
}
