package io.kadence.node.transport;

import static io.kadence.node.transport.TransportFixtures.CODEC;
import static io.kadence.node.transport.TransportFixtures.PATIENCE;
import static io.kadence.node.transport.TransportFixtures.SECURITY;
import static io.kadence.node.transport.TransportFixtures.SHORT_TIMEOUT;
import static io.kadence.node.transport.TransportFixtures.failureOf;
import static io.kadence.node.transport.TransportFixtures.key;
import static io.kadence.node.transport.TransportFixtures.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.transport.Impostor.Mode;
import io.kadence.node.transport.PeerRpcException.Reason;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The caller's checks on replies: an {@link Impostor} at the peer's {@code /user/endpoint}
 * answers with one flaw at a time, and each call fails with the right reason.
 */
@ExtendWith(LogCapturingExtension.class)
class SignedPeerRpcReplyTest {
  static final NodeKeyPair CALLER = key(1);
  static final NodeKeyPair CALLED = key(2);
  static final Impostor IMPOSTOR = new Impostor(CALLED, key(3));

  @TempDir static Path dir;
  static ActorTestKit caller;
  static ActorTestKit called;
  static Contact contact;

  final NodeStats stats = new NodeStats();
  final RecordingEvents events = new RecordingEvents();
  SignedPeerRpc rpc;

  @BeforeAll
  static void start() {
    caller = TransportFixtures.startPeer(dir.resolve("caller"));
    called = TransportFixtures.startPeer(dir.resolve("called"));
    called.spawn(IMPOSTOR.behavior(), PeerAddresses.ENDPOINT_NAME);
    contact = TransportFixtures.contactOf(called, CALLED);
  }

  @AfterAll
  static void stop() {
    caller.shutdownTestKit();
    called.shutdownTestKit();
  }

  @BeforeEach
  void createRpc() {
    rpc = new SignedPeerRpc(caller.system(), CALLER, CODEC, Clock.systemUTC(),
        SECURITY.freshnessWindow(), TransportFixtures.MAX_ENVELOPE_BYTES, events, stats);
  }

  @Test
  void call_shouldSucceedWhenTheImpostorAnswersHonestly() throws Exception {
    IMPOSTOR.mode.set(Mode.HONEST);
    assertEquals(new Message.Pong(), resultOf(rpc.call(contact, new Message.Ping(), PATIENCE)));
    assertEquals(contact, events.nextVerified());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "SIGNED_BY_ANOTHER_KEY, BAD_REPLY",
      "WRONG_REQUEST_ID, BAD_REPLY",
      "STALE, BAD_REPLY",
      "FOR_ANOTHER_NODE, BAD_REPLY",
      "FORGED_SIGNATURE, BAD_REPLY",
      "GARBAGE, BAD_REPLY",
      "UNDECODABLE_PAYLOAD, BAD_REPLY",
      "UNEXPECTED_TYPE, UNEXPECTED_REPLY",
      "SILENT, TIMEOUT"})
  void call_shouldFailWithTheReasonWhenTheReplyHasOneFlaw(Mode mode, Reason expected)
      throws Exception {
    IMPOSTOR.mode.set(mode);
    // Only the silent case waits for its timeout; the others fail as soon as the reply arrives.
    PeerRpcException failure = assertInstanceOf(PeerRpcException.class, failureOf(
        rpc.call(contact, new Message.Ping(), mode == Mode.SILENT ? SHORT_TIMEOUT : PATIENCE)));
    assertEquals(expected, failure.reason(), failure.getMessage());
    assertEquals(contact, failure.peer());
    assertEquals(new RecordingEvents.Failure(contact, expected), events.nextFailure());
    assertTrue(events.verified.isEmpty(), "a failed call must not verify the peer");
    assertEquals(1, stats.snapshot().outboundFailures().get(expected));
    assertEquals(1, stats.snapshot().outboundCalls().get("Ping"));
  }
}
