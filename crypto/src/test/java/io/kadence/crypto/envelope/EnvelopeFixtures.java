package io.kadence.crypto.envelope;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.crypto.key.NodeKeyPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Fixed keys, ids and times shared by the envelope tests; all deterministic. */
final class EnvelopeFixtures {
  static final long NOW = 1_700_000_000_000L;
  static final Duration FRESHNESS = Duration.ofSeconds(30);
  static final int MAX_PAYLOAD = 1024;
  static final long REQUEST_ID = 0x0102030405060708L;
  static final int PAYLOAD_TYPE = 0x1234;
  static final byte[] PAYLOAD = "ping".getBytes(StandardCharsets.US_ASCII);

  private EnvelopeFixtures() {}

  /** The sender: Ed25519 seed 00 01 02 .. 1f. */
  static NodeKeyPair sender() {
    return NodeKeyPair.fromPrivateKey(sequence(0x00));
  }

  /** Another node: seed 40 41 .. 5f. */
  static NodeKeyPair stranger() {
    return NodeKeyPair.fromPrivateKey(sequence(0x40));
  }

  /** The recipient's node ID: a0 a1 .. bf. */
  static byte[] localId() {
    return sequence(0xa0);
  }

  static SignedEnvelope sample() {
    return SignedEnvelope.sign(sender(), localId(), REQUEST_ID, NOW, PAYLOAD_TYPE, PAYLOAD);
  }

  static SignedEnvelope signed(long requestId, long timestampMillis) {
    return SignedEnvelope.sign(sender(), localId(), requestId, timestampMillis, PAYLOAD_TYPE, PAYLOAD);
  }

  /** Signs {@code template}'s content with {@code key}, whatever the template claims. */
  static SignedEnvelope resign(SignedEnvelope template, NodeKeyPair key) {
    return template.withSignature(key.sign(template.signingContent()));
  }

  static EnvelopeVerifier verifier(ManualClock clock) {
    return new EnvelopeVerifier(localId(), clock, FRESHNESS, new ReplayWindow(FRESHNESS, 10_000),
        MAX_PAYLOAD);
  }

  static byte[] sequence(int first) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }
}
