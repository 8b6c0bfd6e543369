package io.kadence.node.transport;

import static io.kadence.node.transport.TransportFixtures.PATIENCE;
import static io.kadence.node.transport.TransportFixtures.SECURITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.kadence.crypto.envelope.EnvelopeVerifier;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.envelope.Verification;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.dht.wire.Message;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/** A {@link PeerEndpoint} spawned for one test, with fresh stats, handler and events. */
final class EndpointUnderTest {
  final NodeKeyPair node;
  final NodeStats stats = new NodeStats();
  final FakeHandler handler = new FakeHandler();
  final RecordingEvents events = new RecordingEvents();
  final ActorRef<PeerEndpoint.Command> ref;
  private final ActorTestKit kit;
  private final AtomicLong requestIds = new AtomicLong(1_000_000);

  /** An anonymous endpoint of {@code node} on {@code kit}'s system. */
  EndpointUnderTest(ActorTestKit kit, NodeKeyPair node) {
    this.kit = kit;
    this.node = node;
    this.ref = kit.spawn(PeerEndpoint.create(node, TransportFixtures.CODEC, SECURITY, handler,
        events, stats, Clock.systemUTC()));
  }

  void stop() {
    kit.stop(ref);
  }

  /** Sends {@code envelope} with a fresh probe as the reply path, and returns the probe. */
  TestProbe<PeerResponse> send(byte[] envelope) {
    TestProbe<PeerResponse> probe = kit.createTestProbe();
    ref.tell(new PeerRequest(envelope, probe.getRef()));
    return probe;
  }

  /** A valid PING from {@code from} still gets its signed reply. */
  void assertStillServing(NodeKeyPair from) {
    long requestId = requestIds.incrementAndGet();
    TestProbe<PeerResponse> probe = send(TransportFixtures.envelope(from,
        TransportFixtures.idOf(node), requestId, new Message.Ping()));
    assertEquals(requestId, verifiedBy(from, probe.receiveMessage(PATIENCE)).requestId());
  }

  /** The reply's envelope, after {@code recipient}'s checks (replay aside) passed. */
  static SignedEnvelope verifiedBy(NodeKeyPair recipient, PeerResponse response) {
    EnvelopeVerifier verifier = new EnvelopeVerifier(recipient.nodeId(), Clock.systemUTC(),
        SECURITY.freshnessWindow(), new ReplayWindow(SECURITY.freshnessWindow(), 10),
        TransportFixtures.SETTINGS.wireLimits().maxMessageBytes());
    Verification verification = verifier.verify(response.envelope());
    return assertInstanceOf(Verification.Accepted.class, verification, verification.toString())
        .envelope();
  }
}
