package io.kadence.bench.jmh;

import io.kadence.crypto.envelope.EnvelopeVerifier;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.envelope.Verification;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.crypto.sign.Ed25519;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a recipient pays to accept one envelope with a 64-byte payload: the whole
 * {@link EnvelopeVerifier} (decode, Ed25519 verification, sender binding, recipient,
 * freshness, replay window), and the Ed25519 verification alone.
 *
 * <p>The same signed envelope is verified every time, so each invocation gets a fresh verifier
 * (and replay window, a few small allocations): a long-lived one would refuse the second
 * delivery as a replay, after the signature check but before the end of the path measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EnvelopeVerifyBenchmark {
  private static final Duration FRESHNESS = Duration.ofMinutes(1);

  private byte[] recipientId;
  private Clock clock;
  private byte[] wire;
  private byte[] senderKey;
  private byte[] signingContent;
  private byte[] signature;

  @Setup
  public void setUp() {
    NodeKeyPair sender = BenchFixtures.keyPair(1);
    recipientId = BenchFixtures.keyPair(2).nodeId();
    clock = Clock.fixed(Instant.ofEpochMilli(1_790_000_000_000L), ZoneOffset.UTC);
    SignedEnvelope envelope = SignedEnvelope.sign(sender, recipientId, 42, clock.millis(), 3,
        new byte[BenchFixtures.VALUE_BYTES]);
    wire = envelope.toBytes();
    senderKey = envelope.senderPublicKey();
    signingContent = envelope.signingContent();
    signature = envelope.signature();
  }

  /** Every check of an incoming envelope, from its wire bytes. */
  @Benchmark
  public Verification envelope() {
    Verification result = newVerifier().verify(wire);
    if (!(result instanceof Verification.Accepted)) {
      throw new IllegalStateException("refused: " + result);
    }
    return result;
  }

  /** Ed25519 verification of the envelope's signing content, nothing else. */
  @Benchmark
  public boolean signatureOnly() {
    return Ed25519.verify(senderKey, signingContent, signature);
  }

  EnvelopeVerifier newVerifier() {
    return new EnvelopeVerifier(recipientId, clock, FRESHNESS, new ReplayWindow(FRESHNESS, 16),
        1 << 20);
  }
}
