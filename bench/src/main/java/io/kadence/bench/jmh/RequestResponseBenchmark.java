package io.kadence.bench.jmh;

import io.kadence.crypto.envelope.EnvelopeVerifier;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.crypto.envelope.Verification;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireCodec;
import io.kadence.dht.wire.WireDecodeException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU of one signed request-response, both sides in one thread and no network: the caller
 * encodes and signs the request, the callee verifies (with a long-lived replay window, as a
 * peer's endpoint does) and decodes it, encodes and signs the reply, and the caller verifies and
 * decodes that. Two signatures and two verifications: the floor of every RPC between peers.
 * {@code PING} carries empty messages; {@code FIND_NODE} answers with 20 contacts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RequestResponseBenchmark {
  private static final Duration FRESHNESS = Duration.ofMinutes(1);

  @Param({"PING", "FIND_NODE"})
  public String exchange;

  private final Clock clock = Clock.systemUTC();
  private final WireCodec codec = WireCodec.withDefaults();
  private NodeKeyPair caller;
  private NodeKeyPair callee;
  private EnvelopeVerifier callerVerifier;
  private EnvelopeVerifier calleeVerifier;
  private Message request;
  private Message reply;
  private long requestId;

  @Setup
  public void setUp() {
    caller = BenchFixtures.keyPair(1);
    callee = BenchFixtures.keyPair(2);
    callerVerifier = verifierFor(caller);
    calleeVerifier = verifierFor(callee);
    Random random = new Random(7);
    if (exchange.equals("PING")) {
      request = new Message.Ping();
      reply = new Message.Pong();
    } else {
      request = new Message.FindNode(BenchFixtures.ids(random, 1).get(0));
      reply = new Message.Nodes(BenchFixtures.contacts(random, 20));
    }
  }

  /** One request and its reply, each signed, verified and decoded. */
  @Benchmark
  public Message roundTrip() throws WireDecodeException {
    long id = ++requestId;
    byte[] sent = sign(caller, callee, id, request);
    Message received = accept(calleeVerifier, sent);
    if (received.getClass() != request.getClass()) {
      throw new IllegalStateException("decoded " + received);
    }
    byte[] answered = sign(callee, caller, id, reply);
    return accept(callerVerifier, answered);
  }

  private byte[] sign(NodeKeyPair from, NodeKeyPair to, long id, Message message) {
    return SignedEnvelope.sign(from, to.nodeId(), id, clock.millis(), codec.typeOf(message),
        codec.encode(message)).toBytes();
  }

  private Message accept(EnvelopeVerifier verifier, byte[] wire) throws WireDecodeException {
    Verification verdict = verifier.verify(wire);
    if (!(verdict instanceof Verification.Accepted accepted)) {
      throw new IllegalStateException("refused: " + verdict);
    }
    SignedEnvelope envelope = accepted.envelope();
    return codec.decode(envelope.payloadType(), envelope.payload());
  }

  /** Room for a minute of requests at 100,000/s: the window never forgets a pair early. */
  private EnvelopeVerifier verifierFor(NodeKeyPair self) {
    return new EnvelopeVerifier(self.nodeId(), clock, FRESHNESS,
        new ReplayWindow(FRESHNESS, 6_000_000), 1 << 20);
  }
}
