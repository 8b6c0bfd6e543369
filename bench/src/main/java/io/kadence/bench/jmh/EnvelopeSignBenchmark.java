package io.kadence.bench.jmh;

import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.key.NodeKeyPair;
import java.security.SecureRandom;
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

/** Signing one envelope with a 64-byte payload: the cost every outbound request and reply pays. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EnvelopeSignBenchmark {

  private NodeKeyPair sender;
  private byte[] recipient;
  private byte[] payload;
  private long requestId;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    sender = NodeKeyPair.generate(random);
    recipient = NodeKeyPair.generate(random).nodeId();
    payload = new byte[64];
    random.nextBytes(payload);
  }

  @Benchmark
  public SignedEnvelope sign() {
    return SignedEnvelope.sign(sender, recipient, ++requestId, System.currentTimeMillis(), 100, payload);
  }
}
