package io.kadence.node.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.esotericsoftware.kryo.io.Output;
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
    // A huge length, an unregistered class id, trailing bytes, truncation, nothing at all, a
    // reply path that is not an actor path, and a reply path over its bound.
    byte[] huge = bytes(NodeKryoRegistry.PEER_RESPONSE, Integer.MAX_VALUE);
    byte[] unregistered = bytes(60, 0);
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    byte[] badPath = concat(bytes(NodeKryoRegistry.PEER_REQUEST, 1), new byte[] {5, 4, 'x', ':', '/', '/'});
    byte[] hugePath = concat(bytes(NodeKryoRegistry.PEER_REQUEST, 1), new byte[] {5},
        bytes(16_383 - 2));
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

  /** Kryo's encoding of a class id (written as id + 2) followed by varints. */
  private static byte[] bytes(int classId, int... varints) {
    Output out = new Output(64);
    out.writeVarInt(classId + 2, true);
    for (int v : varints) {
      out.writeVarInt(v, true);
    }
    return out.toBytes();
  }

  /** Varints only, no class id. */
  private static byte[] bytes(int varint) {
    Output out = new Output(8);
    out.writeVarInt(varint, true);
    return out.toBytes();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      all.writeBytes(p);
    }
    return all.toByteArray();
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
