package io.kadence.node.lookup;

import com.typesafe.config.ConfigFactory;
import io.kadence.crypto.Sha256;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.transport.PeerRpc;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;

/** Deterministic publishers, records, ids and settings for the lookup package's tests. */
final class Fixtures {
  static final NodeKeyPair ALICE = publisher("alice");
  static final NodeKeyPair BOB = publisher("bob");
  static final Key KEY = Key.of("hello");
  static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Duration HOUR = Duration.ofHours(1);

  private Fixtures() {}

  /** A publisher whose private key is SHA-256 of its name. */
  static NodeKeyPair publisher(String name) {
    return NodeKeyPair.fromPrivateKey(Sha256.digest(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** A valid record of {@code key} by {@code publisher}, created a minute ago for an hour. */
  static SignedRecord record(NodeKeyPair publisher, Key key, long sequence) {
    return SignedRecord.create(publisher, key, sequence, NOW.minusSeconds(60), HOUR,
        ("value " + sequence).getBytes(StandardCharsets.UTF_8));
  }

  /** A record of {@link #KEY}. */
  static SignedRecord record(NodeKeyPair publisher, long sequence) {
    return record(publisher, KEY, sequence);
  }

  /** A correctly signed record that expired an hour ago. */
  static SignedRecord expired(NodeKeyPair publisher, long sequence) {
    return SignedRecord.create(publisher, KEY, sequence, NOW.minus(HOUR.multipliedBy(2)), HOUR,
        "old".getBytes(StandardCharsets.UTF_8));
  }

  /** {@code original} with another value and sequence under the original's signature. */
  static SignedRecord forged(SignedRecord original, long sequence) {
    return new SignedRecord(original.key(), original.publisherPublicKey(), sequence,
        original.createdMillis(), original.ttlMillis(), "forged".getBytes(StandardCharsets.UTF_8),
        original.signature());
  }

  /** The reader's validator at {@link #NOW} with the default limits. */
  static RecordValidator validator() {
    return new RecordValidator(settings("").storage().recordLimits(), CLOCK);
  }

  /** The reference settings with {@code overrides} (HOCON) on top, k = 8 unless overridden. */
  /** A transport with a bug: every call throws instead of returning a stage. */
  static PeerRpc brokenRpc() {
    return new PeerRpc() {
      @Override
      public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
        throw new AssertionError("a bug in the transport");
      }

      @Override
      public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
        throw new AssertionError("a bug in the transport");
      }
    };
  }

  static NodeSettings settings(String overrides) {
    return NodeSettings.load(ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseString(
            "kadence.routing.k = 8\nkadence.lookup.request-timeout = 300ms\n"
                + "kadence.lookup.timeout = 3s"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve());
  }

  /** {@code n} distinct random ids, sorted by XOR distance to {@code target}, closest first. */
  static List<NodeId> idsByDistance(Random random, int n, NodeId target) {
    List<NodeId> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(NodeId.random(random));
    }
    ids.sort(target.distanceOrder());
    return ids;
  }
}
