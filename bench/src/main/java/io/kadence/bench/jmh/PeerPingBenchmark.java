package io.kadence.bench.jmh;

import io.kadence.dht.wire.Message;
import io.kadence.node.KadenceException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A real PING between two peers in this JVM ({@link TwoPeers}): the caller's
 * {@code SignedPeerRpc} signs it, Artery carries it over TCP on 127.0.0.1, the callee's
 * {@code PeerEndpoint} verifies it and signs the PONG, and the caller verifies the PONG. Both
 * peers' work is in this process, so {@code cpu.us/op} of {@link CpuTimeProfiler} is the CPU
 * of one whole exchange, both sides, Pekko included. {@code ping}: one at a time (latency);
 * {@code pings16}: {@value #IN_FLIGHT} in flight, per ping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeerPingBenchmark {
  static final int IN_FLIGHT = 16;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TwoPeers peers;
  private AsyncTeardown teardown;

  @Setup
  public void setUp() throws IOException, KadenceException {
    peers = TwoPeers.start();
  }

  @TearDown
  public void tearDown() {
    teardown = AsyncTeardown.of(peers.stop());
  }

  /** For tests: waits until {@link #tearDown} has stopped the peers. */
  void awaitTornDown() throws Exception {
    teardown.await();
  }

  @Benchmark
  public Message ping() {
    return checked(call().join());
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public int pings16() {
    List<CompletableFuture<Message>> replies = new ArrayList<>(IN_FLIGHT);
    for (int i = 0; i < IN_FLIGHT; i++) {
      replies.add(call());
    }
    replies.forEach(reply -> checked(reply.join()));
    return replies.size();
  }

  private CompletableFuture<Message> call() {
    return peers.rpc.call(peers.callee.contact(), new Message.Ping(), TIMEOUT)
        .toCompletableFuture();
  }

  private static Message checked(Message reply) {
    if (!(reply instanceof Message.Pong)) {
      throw new IllegalStateException("PING answered with " + reply);
    }
    return reply;
  }
}
