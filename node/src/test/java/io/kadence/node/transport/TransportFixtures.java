package io.kadence.node.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireCodec;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.settings.SecuritySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/** Peers, keys, messages and waits shared by the transport tests. */
final class TransportFixtures {
  /** Bound on every wait for something that should happen; failures must not take this long. */
  static final Duration PATIENCE = Duration.ofSeconds(10);
  /** How long a test waits to be sure that nothing arrives. */
  static final Duration QUIET = Duration.ofMillis(200);
  /** Call timeout of tests that expect a timeout. */
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
  static final SecuritySettings SECURITY = new SecuritySettings(Duration.ofSeconds(30), 1000);
  static final NodeSettings SETTINGS = NodeSettings.load(ConfigFactory.load());
  static final WireCodec CODEC = new WireCodec(SETTINGS.wireLimits());
  static final int MAX_ENVELOPE_BYTES = SETTINGS.maxEnvelopeBytes();
  /** One record, signed once, so that messages carrying it compare equal. */
  static final SignedRecord RECORD = SignedRecord.create(key(99), Key.of("k"), 1, Instant.now(),
      Duration.ofHours(1), "v".getBytes(StandardCharsets.UTF_8));

  private TransportFixtures() {}

  /** An actor system named like every peer's, on loopback and a free port. */
  static ActorTestKit startPeer(Path dataDir) {
    return ActorTestKit.create(PekkoConfig.SYSTEM_NAME,
        PekkoConfig.forPeer("127.0.0.1", 0, dataDir, ConfigFactory.empty()));
  }

  /** The contact of the node {@code key} whose actor system is {@code kit}'s. */
  static Contact contactOf(ActorTestKit kit, NodeKeyPair key) {
    Address address = kit.system().address();
    return new Contact(idOf(key), address.getHost().orElseThrow(), address.getPort().orElseThrow());
  }

  /** A deterministic key pair per number. */
  static NodeKeyPair key(int i) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) i);
    return NodeKeyPair.fromPrivateKey(seed);
  }

  static NodeId idOf(NodeKeyPair key) {
    return NodeId.of(key.nodeId());
  }

  /** A request envelope from {@code from} to {@code to}, signed now by the system clock. */
  static byte[] envelope(NodeKeyPair from, NodeId to, long requestId, Message message) {
    return SignedEnvelope.sign(from, to.bytes(), requestId, System.currentTimeMillis(),
        CODEC.typeOf(message), CODEC.encode(message)).toBytes();
  }

  /** One request of every type. */
  static List<Message> requests() {
    return List.of(new Message.Ping(), new Message.FindNode(idOf(key(50))),
        new Message.FindValue(Key.of("k"), 4), new Message.Store(RECORD),
        new Message.Leave());
  }

  /** The failure a stage completed with, unwrapped as the stage reports it; fails if it succeeded. */
  static Throwable failureOf(CompletionStage<?> stage) throws Exception {
    Throwable failure = stage.handle((value, t) -> t).toCompletableFuture()
        .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    assertTrue(failure != null, "the call succeeded");
    return failure;
  }

  static <T> T resultOf(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
