package io.kadence.bench.jmh;

import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.WireCodec;
import io.kadence.dht.wire.WireDecodeException;
import java.util.List;
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
 * Kryo encoding and decoding of the node's messages ({@link WireCodec}, with the default
 * limits): the payload of every envelope. Decoding includes the codec's bounds checks and, for
 * records, the constructor's copies and the SHA-256 of the publisher id (not the signature:
 * that is {@link RecordValidationBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class WireCodecBenchmark {
  /**
   * PING: an empty request; NODES: the reply to FIND_NODE, 20 contacts; VALUE: a FIND_VALUE
   * reply with one 64-byte record and 20 contacts; STORE: one 64-byte record.
   */
  @Param({"PING", "NODES", "VALUE", "STORE"})
  public String message;

  private final WireCodec codec = WireCodec.withDefaults();
  private Message decoded;
  private int type;
  private byte[] encoded;

  @Setup
  public void setUp() {
    Random random = new Random(11);
    NodeKeyPair publisher = BenchFixtures.keyPair(4);
    decoded = switch (message) {
      case "PING" -> new Message.Ping();
      case "NODES" -> new Message.Nodes(BenchFixtures.contacts(random, 20));
      case "VALUE" -> new Message.Value(List.of(BenchFixtures.record(publisher, 1)),
          BenchFixtures.contacts(random, 20));
      case "STORE" -> new Message.Store(BenchFixtures.record(publisher, 2));
      default -> throw new IllegalArgumentException("unknown message " + message);
    };
    type = codec.typeOf(decoded);
    encoded = codec.encode(decoded);
  }

  @Benchmark
  public byte[] encode() {
    return codec.encode(decoded);
  }

  @Benchmark
  public Message decode() throws WireDecodeException {
    return codec.decode(type, encoded);
  }
}
