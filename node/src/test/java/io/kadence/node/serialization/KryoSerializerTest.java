package io.kadence.node.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.transport.PeerRequest;
import io.kadence.node.transport.PeerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LogCapturingExtension.class)
class KryoSerializerTest {
  @TempDir static Path dir;
  static ActorTestKit a;
  static ActorTestKit b;

  @BeforeAll
  static void start() {
    a = ActorTestKit.create(PekkoConfig.SYSTEM_NAME,
        PekkoConfig.forPeer("127.0.0.1", 0, dir.resolve("a"), ConfigFactory.empty()));
    b = ActorTestKit.create(PekkoConfig.SYSTEM_NAME,
        PekkoConfig.forPeer("127.0.0.1", 0, dir.resolve("b"), ConfigFactory.empty()));
  }

  @AfterAll
  static void stop() {
    a.shutdownTestKit();
    b.shutdownTestKit();
  }

  private static Serialization serialization() {
    return SerializationExtension.get(a.system());
  }

  @Test
  void toBinary_shouldRoundTripPeerMessagesWhenBoundThroughConfig() throws Exception {
    TestProbe<PeerResponse> probe = a.createTestProbe();
    byte[] envelope = new byte[777];
    new Random(1).nextBytes(envelope);
    for (Object message : new Object[] {new PeerRequest(envelope, probe.getRef()),
        new PeerResponse(envelope), new PeerResponse(new byte[0])}) {
      assertInstanceOf(KryoSerializer.class, serialization().findSerializerFor(message));
      byte[] bytes = serialization().serialize(message).get();
      Object back = serialization().deserialize(bytes, KryoSerializer.IDENTIFIER, "").get();
      assertEquals(message, back);
    }
  }

  @Test
  void fromBinary_shouldRejectCleanlyWhenBytesAreHostile() {
    KryoSerializer serializer = (KryoSerializer) serialization().serializerOf(
        KryoSerializer.class.getName()).get();
    byte[] good = serializer.toBinary(new PeerResponse(new byte[] {1, 2, 3}));
    // A huge length, an unregistered class id, trailing bytes, truncation, nothing at all.
    byte[] huge = {(byte) (NodeKryoRegistry.PEER_RESPONSE + 2), (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, 0x07};
    byte[] unregistered = {(byte) 60, 0};
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    byte[] badPath = {(byte) (NodeKryoRegistry.PEER_REQUEST + 2), 1, 5, 4, 'x', ':', '/', '/'};
    byte[] hugePath = {(byte) (NodeKryoRegistry.PEER_REQUEST + 2), 1, 5, (byte) 0xFF, 0x7F};
    for (byte[] bad : new byte[][] {huge, unregistered, trailing, truncated, new byte[0], badPath,
        hugePath}) {
      assertThrows(MalformedPeerMessageException.class, () -> serializer.fromBinaryJava(bad, null));
    }
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] junk = new byte[random.nextInt(64)];
      random.nextBytes(junk);
      try {
        serializer.fromBinaryJava(junk, null);
      } catch (MalformedPeerMessageException expected) {
        // the only acceptable failure
      }
    }
  }

  @Test
  void peerRequest_shouldReachAnotherSystemAndCarryItsReplyRefWhenSentOverArtery() {
    ActorRef<PeerRequest> echo = b.spawn(Behaviors.receiveMessage(req -> {
      req.replyTo().tell(new PeerResponse(req.envelope()));
      return Behaviors.same();
    }), "echo");
    String remotePath = ActorRefResolver.get(b.system()).toSerializationFormat(echo);
    ActorRef<PeerRequest> remote = ActorRefResolver.get(a.system()).resolveActorRef(remotePath);
    TestProbe<PeerResponse> probe = a.createTestProbe();
    remote.tell(new PeerRequest(new byte[] {9, 8, 7}, probe.getRef()));
    assertArrayEquals(new byte[] {9, 8, 7},
        probe.receiveMessage(Duration.ofSeconds(10)).envelope());
  }
}
