package io.kadence.node.transport;

import static io.kadence.node.transport.TransportFixtures.CODEC;
import static io.kadence.node.transport.TransportFixtures.QUIET;
import static io.kadence.node.transport.TransportFixtures.SECURITY;
import static io.kadence.node.transport.TransportFixtures.envelope;
import static io.kadence.node.transport.TransportFixtures.idOf;
import static io.kadence.node.transport.TransportFixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
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

/**
 * Every reason the endpoint drops a request, provoked by hand-made envelopes: no reply, counted
 * by reason, the handler never called, and the endpoint still serving afterwards.
 */
@ExtendWith(LogCapturingExtension.class)
class PeerEndpointRejectionTest {
  static final NodeKeyPair NODE = key(1);
  static final NodeKeyPair PEER = key(2);
  static final NodeId NODE_ID = idOf(NODE);

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileEnvelopes")
  void onRequest_shouldDropSilentlyAndCountTheReasonWhenAnEnvelopeFailsACheck(String name,
      InboundRejection reason, byte[] bytes) {
    TestProbe<PeerResponse> probe = endpoint.send(bytes);
    endpoint.assertStillServing(PEER);
    probe.expectNoMessage(QUIET);
    NodeStats.Snapshot snapshot = endpoint.stats.snapshot();
    assertEquals(1, snapshot.inboundRejections().get(reason));
    assertEquals(1, snapshot.inboundRejectionTotal());
    assertEquals(1, endpoint.handler.calls.size(), "only the valid PING reaches the handler");
    assertEquals(1, endpoint.events.verified.size(), "only the valid PING's sender is verified");
  }

  static Stream<Arguments> hostileEnvelopes() {
    byte[] valid = envelope(PEER, NODE_ID, 1, new Message.Ping());
    long now = System.currentTimeMillis();
    long window = SECURITY.freshnessWindow().toMillis();
    return Stream.of(
        arguments("garbage", InboundRejection.MALFORMED, new byte[] {1, 2, 3}),
        arguments("another envelope version", InboundRejection.MALFORMED, withByte(valid, 0, 2)),
        arguments("truncated", InboundRejection.MALFORMED, Arrays.copyOf(valid, valid.length - 1)),
        arguments("over the size limit", InboundRejection.MALFORMED,
            new byte[TransportFixtures.MAX_ENVELOPE_BYTES + 1]),
        arguments("forged signature", InboundRejection.BAD_SIGNATURE,
            withByte(valid, valid.length - 1, valid[valid.length - 1] ^ 1)),
        arguments("sender id not the hash of the key", InboundRejection.SENDER_ID_MISMATCH,
            claimingId(idOf(key(3)))),
        arguments("for another node", InboundRejection.WRONG_RECIPIENT,
            envelope(PEER, idOf(key(3)), 1, new Message.Ping())),
        arguments("a FIND_NODE to anyone (only a PING may be)", InboundRejection.WRONG_RECIPIENT,
            envelope(PEER, SignedPeerRpc.ANYONE, 1, new Message.FindNode(idOf(key(4))))),
        arguments("too old", InboundRejection.STALE, signedAt(now - 2 * window)),
        arguments("from the future", InboundRejection.STALE, signedAt(now + 2 * window)),
        arguments("payload that is not a PING", InboundRejection.DECODE_FAILED,
            signed(WireRegistry.PING, new byte[] {1, 2, 3})),
        arguments("unknown payload type", InboundRejection.DECODE_FAILED,
            signed(999, new byte[0])),
        arguments("a PONG as a request", InboundRejection.UNEXPECTED_TYPE,
            envelope(PEER, NODE_ID, 1, new Message.Pong())),
        arguments("a NODES as a request", InboundRejection.UNEXPECTED_TYPE,
            envelope(PEER, NODE_ID, 1, new Message.Nodes(List.of()))));
  }

  @Test
  void onRequest_shouldAnswerOnlyTheFirstCopyWhenTheSameEnvelopeArrivesTwice() {
    byte[] bytes = envelope(PEER, NODE_ID, 7, new Message.Ping());
    TestProbe<PeerResponse> first = endpoint.send(bytes);
    TestProbe<PeerResponse> replayed = endpoint.send(bytes);
    endpoint.assertStillServing(PEER);
    first.receiveMessage(TransportFixtures.PATIENCE);
    replayed.expectNoMessage(QUIET);
    assertEquals(1, endpoint.stats.snapshot().inboundRejections().get(InboundRejection.REPLAYED));
    assertEquals(2, endpoint.handler.calls.size());
  }

  @Test
  void drop_shouldLogEachDropAtDebugButWarnOnceWhenDropsComeInABurst() {
    String debug = "dropped request from claimed " + idOf(PEER).shortHex() + ": BAD_SIGNATURE";
    LoggingTestKit.debug(debug).withOccurrences(3).expect(kit.system(),
        () -> LoggingTestKit.warn("since the last warning").withOccurrences(1)
            .withCheckExcess(true).expect(kit.system(), this::sendThreeForgeries));
  }

  private Void sendThreeForgeries() {
    for (int i = 0; i < 3; i++) {
      byte[] valid = envelope(PEER, NODE_ID, 10 + i, new Message.Ping());
      endpoint.send(withByte(valid, valid.length - 1, valid[valid.length - 1] ^ 1));
    }
    endpoint.assertStillServing(PEER);
    return null;
  }

  private static byte[] withByte(byte[] bytes, int index, int value) {
    byte[] copy = bytes.clone();
    copy[index] = (byte) value;
    return copy;
  }

  private static byte[] signed(int payloadType, byte[] payload) {
    return SignedEnvelope.sign(PEER, NODE_ID.bytes(), 1, System.currentTimeMillis(), payloadType,
        payload).toBytes();
  }

  private static byte[] signedAt(long timestampMillis) {
    Message ping = new Message.Ping();
    return SignedEnvelope.sign(PEER, NODE_ID.bytes(), 1, timestampMillis, CODEC.typeOf(ping),
        CODEC.encode(ping)).toBytes();
  }

  /** Signed correctly by PEER's key, but naming {@code claimed} as the sender's node ID. */
  private static byte[] claimingId(NodeId claimed) {
    Message ping = new Message.Ping();
    SignedEnvelope unsigned = new SignedEnvelope(SignedEnvelope.PROTOCOL_VERSION, PEER.publicKey(),
        claimed.bytes(), NODE_ID.bytes(), 1, System.currentTimeMillis(), CODEC.typeOf(ping),
        CODEC.encode(ping), new byte[64]);
    return unsigned.withSignature(PEER.sign(unsigned.signingContent())).toBytes();
  }
}
