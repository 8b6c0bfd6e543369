package io.kadence.node.transport;

import static io.kadence.node.transport.TransportFixtures.CODEC;
import static io.kadence.node.transport.TransportFixtures.PATIENCE;
import static io.kadence.node.transport.TransportFixtures.SECURITY;
import static io.kadence.node.transport.TransportFixtures.SHORT_TIMEOUT;
import static io.kadence.node.transport.TransportFixtures.failureOf;
import static io.kadence.node.transport.TransportFixtures.idOf;
import static io.kadence.node.transport.TransportFixtures.key;
import static io.kadence.node.transport.TransportFixtures.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed calls from one actor system to a real {@link PeerEndpoint} on another, over Artery.
 *
 * <p>B's endpoint is spawned once: Artery's inbound side caches the refs it resolved, so an actor
 * stopped and spawned again under the same name would not get remote messages for a while. B's
 * counters therefore carry over between tests, which compare against a snapshot taken before.
 */
@ExtendWith(LogCapturingExtension.class)
class SignedPeerRpcTest {
  static final NodeKeyPair A = key(1);
  static final NodeKeyPair B = key(2);

  @TempDir static Path dir;
  static ActorTestKit a;
  static ActorTestKit b;

  static final NodeStats statsB = new NodeStats();
  static final RecordingEvents eventsB = new RecordingEvents();
  static final FakeHandler handlerB = new FakeHandler();

  final NodeStats statsA = new NodeStats();
  final RecordingEvents eventsA = new RecordingEvents();
  NodeStats.Snapshot statsBBefore;
  SignedPeerRpc rpc;

  @BeforeAll
  static void start() {
    a = TransportFixtures.startPeer(dir.resolve("a"));
    b = TransportFixtures.startPeer(dir.resolve("b"));
    b.spawn(PeerEndpoint.create(B, CODEC, SECURITY, handlerB, eventsB, statsB, Clock.systemUTC()),
        PeerAddresses.ENDPOINT_NAME);
  }

  @AfterAll
  static void stop() {
    a.shutdownTestKit();
    b.shutdownTestKit();
  }

  @BeforeEach
  void createRpc() {
    handlerB.calls.clear();
    eventsB.verified.clear();
    statsBBefore = statsB.snapshot();
    rpc = new SignedPeerRpc(a.system(), A, CODEC, Clock.systemUTC(), SECURITY.freshnessWindow(),
        TransportFixtures.MAX_ENVELOPE_BYTES, eventsA, statsA);
  }

  @Test
  void call_shouldCompleteWithTheVerifiedReplyWhenEachRequestTypeReachesARealEndpoint()
      throws Exception {
    Contact contactA = TransportFixtures.contactOf(a, A);
    Contact contactB = TransportFixtures.contactOf(b, B);
    for (Message request : TransportFixtures.requests()) {
      assertEquals(FakeHandler.cannedReply(request), resultOf(rpc.call(contactB, request, PATIENCE)));
      assertEquals(new FakeHandler.Call(contactA, request), handlerB.calls.poll());
      assertEquals(contactB, eventsA.nextVerified());
    }
    // B learned A's id and A's canonical address from the remote reply path; LEAVE excepted.
    assertEquals(List.of(contactA, contactA, contactA, contactA), List.copyOf(eventsB.verified));
    statsA.snapshot().outboundCalls().values().forEach(count -> assertEquals(1L, count));
    statsB.snapshot().inboundRequests().forEach((type, count) ->
        assertEquals(statsBBefore.inboundRequests().get(type) + 1, count, type));
    assertEquals(0, statsA.snapshot().outboundFailures().values().stream().mapToLong(c -> c).sum());
    assertEquals(statsBBefore.inboundRejectionTotal(), statsB.snapshot().inboundRejectionTotal());
    // Every signed envelope is counted: one request from A and one reply from B per call.
    int calls = TransportFixtures.requests().size();
    assertEquals(calls, statsA.snapshot().requestsSent());
    assertEquals(statsBBefore.repliesSent() + calls, statsB.snapshot().repliesSent());
    assertEquals(0, statsA.snapshot().repliesSent());
  }

  @Test
  void call_shouldTimeOutWhenTheNodeAtTheAddressIsNotTheContactsId() throws Exception {
    Contact wrongId = new Contact(idOf(key(9)), TransportFixtures.contactOf(b, B).host(),
        TransportFixtures.contactOf(b, B).port());
    PeerRpcException failure = assertInstanceOf(PeerRpcException.class,
        failureOf(rpc.call(wrongId, new Message.Ping(), SHORT_TIMEOUT)));
    assertEquals(PeerRpcException.Reason.TIMEOUT, failure.reason());
    assertEquals("TIMEOUT from " + wrongId + ": no answer within 300 ms", failure.getMessage());
    assertEquals(new RecordingEvents.Failure(wrongId, PeerRpcException.Reason.TIMEOUT),
        eventsA.nextFailure());
    // B dropped it unanswered: the envelope was signed for another node.
    resultOf(rpc.call(TransportFixtures.contactOf(b, B), new Message.Ping(), PATIENCE));
    assertEquals(statsBBefore.inboundRejections().get(InboundRejection.WRONG_RECIPIENT) + 1,
        statsB.snapshot().inboundRejections().get(InboundRejection.WRONG_RECIPIENT));
    assertEquals(1, statsA.snapshot().outboundFailures().get(PeerRpcException.Reason.TIMEOUT));
  }

  @Test
  void identify_shouldCompleteWithTheContactOfWhoeverAnswersAtTheAddress() throws Exception {
    Contact contactB = TransportFixtures.contactOf(b, B);
    assertEquals(contactB, resultOf(rpc.identify(contactB.host(), contactB.port(), PATIENCE)));
    // A's routing table hears of B as after any call; B's does not hear of A: a PING to anyone
    // may have been passed on by someone else, with their own reply path.
    assertEquals(contactB, eventsA.nextVerified());
    assertEquals(new FakeHandler.Call(TransportFixtures.contactOf(a, A), new Message.Ping()),
        handlerB.calls.poll());
    assertEquals(List.of(), List.copyOf(eventsB.verified));
    assertEquals(statsBBefore.inboundRejectionTotal(), statsB.snapshot().inboundRejectionTotal());
    assertEquals(1L, statsA.snapshot().outboundCalls().get("Ping"));
  }

  @Test
  void identify_shouldFailWithoutAnEventWhenNobodyAnswersAtTheAddress() throws Exception {
    // A's actor system runs no endpoint: the PING goes to dead letters.
    Contact contactA = TransportFixtures.contactOf(a, A);
    PeerRpcException failure = assertInstanceOf(PeerRpcException.class,
        failureOf(rpc.identify(contactA.host(), contactA.port(), SHORT_TIMEOUT)));
    assertEquals(PeerRpcException.Reason.TIMEOUT, failure.reason());
    assertEquals(SignedPeerRpc.ANYONE, failure.peer().id());
    assertEquals(1, statsA.snapshot().outboundFailures().get(PeerRpcException.Reason.TIMEOUT));
    assertEquals(List.of(), List.copyOf(eventsA.failed), "no node ID to count a failure for");
  }

  @Test
  void call_shouldFailAsNotSentWhenAPeerSentAContactWithTheAllZeroId() throws Exception {
    Contact contactB = TransportFixtures.contactOf(b, B);
    Contact bogus = new Contact(SignedPeerRpc.ANYONE, contactB.host(), contactB.port());
    PeerRpcException failure = assertInstanceOf(PeerRpcException.class,
        failureOf(rpc.call(bogus, new Message.FindNode(idOf(A)), PATIENCE)));
    assertEquals(PeerRpcException.Reason.NOT_SENT, failure.reason());
    assertEquals(0, statsA.snapshot().requestsSent(), "nothing was sent");
    assertEquals(List.of(), List.copyOf(handlerB.calls));
  }

  @Test
  void call_shouldFailAsNotSentWhenTheContactsHostIsUnusable() throws Exception {
    Contact hostile = new Contact(idOf(B), "127.0.0.1:1/user/x", 7400);
    PeerRpcException failure = assertInstanceOf(PeerRpcException.class,
        failureOf(rpc.call(hostile, new Message.Ping(), PATIENCE)));
    assertEquals(PeerRpcException.Reason.NOT_SENT, failure.reason());
    assertEquals(hostile, failure.peer());
    assertEquals(new RecordingEvents.Failure(hostile, PeerRpcException.Reason.NOT_SENT),
        eventsA.nextFailure());
    assertEquals(1, statsA.snapshot().outboundCalls().get("Ping"), "the call was made");
    assertEquals(0, statsA.snapshot().requestsSent(), "but no envelope was sent");
  }

  @Test
  void call_shouldThrowWhenTheMessageIsNotARequest() {
    Contact contactB = TransportFixtures.contactOf(b, B);
    assertThrows(IllegalArgumentException.class,
        () -> rpc.call(contactB, new Message.Pong(), PATIENCE));
    assertThrows(IllegalArgumentException.class,
        () -> rpc.call(contactB, new Message.Ping(), Duration.ZERO));
  }
}
