package io.kadence.bench.jmh;

import com.typesafe.config.ConfigFactory;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.node.Asks;
import io.kadence.node.config.PekkoConfig;
import io.kadence.node.settings.NodeSettings;
import io.kadence.node.storage.JournalSchema;
import io.kadence.node.storage.StorageActor;
import io.kadence.node.storage.StoreView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
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
 * Storing records on the peer's real journal (H2 file, {@code WRITE_DELAY=0}, through
 * pekko-persistence-jdbc), with the peer's default storage settings (snapshot every 1,000
 * events). Per stored record:
 * <ul>
 *   <li>{@code storeOne}: one {@link StorageActor.Store} at a time, each acknowledged (so
 *       persisted) before the next: the latency of one store;
 *   <li>{@code storeBurst}: {@value #BATCH} stores sent at once, then every acknowledgement;
 *       the actor still persists one event per command;
 *   <li>{@code persistAll}: {@value #BATCH} of the same events in one atomic journal write
 *       ({@link JournalWriter}), what batching stores per command could reach.
 * </ul>
 * Every store replaces the record of one of {@value #KEYS} keys with a higher sequence number,
 * signed in the benchmark (about 30 us of each store's time is that signature, and the
 * StorageActor's validation verifies it: about 70 us more).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class StorageBenchmark {
  static final int BATCH = 100;
  private static final int KEYS = 100;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final NodeKeyPair publisher = BenchFixtures.keyPair(6);
  private final List<Key> keys = new ArrayList<>();
  private Path dir;
  private ActorSystem<SpawnProtocol.Command> system;
  private ActorRef<StorageActor.Command> store;
  private ActorRef<JournalWriter.Write> writer;
  private long sequence;
  private AsyncTeardown teardown;

  @Setup
  public void setUp() throws IOException {
    for (int i = 0; i < KEYS; i++) {
      keys.add(Key.of("bench-store-" + i));
    }
    dir = Files.createTempDirectory("kadence-storage-bench");
    system = ActorSystem.create(SpawnProtocol.create(), PekkoConfig.SYSTEM_NAME,
        ConfigFactory.parseString("pekko.actor.provider = local").withFallback(
            PekkoConfig.forPeer("127.0.0.1", 0, dir, ConfigFactory.empty())));
    JournalSchema.ensureBlocking(system, WAIT);
    NodeSettings settings = NodeSettings.load(system.settings().config());
    NodeId self = NodeId.of(BenchFixtures.keyPair(7).nodeId());
    store = spawn(StorageActor.create(self, settings.storage(), Clock.systemUTC(), new StoreView()),
        "storage");
    writer = spawn(JournalWriter.create("bench-journal-writer"), "writer");
  }

  @TearDown
  public void tearDown() {
    system.terminate();
    teardown = AsyncTeardown.of(system.getWhenTerminated().thenAccept(done -> deleteDir()));
  }

  /** For tests: waits until {@link #tearDown} has stopped the actor system. */
  void awaitTornDown() throws Exception {
    teardown.await();
  }

  private void deleteDir() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public StorageActor.StoreReply storeOne() {
    return checked(ask(nextRecord()).join());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int storeBurst() {
    List<CompletableFuture<StorageActor.StoreReply>> replies = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      replies.add(ask(nextRecord()));
    }
    replies.forEach(reply -> checked(reply.join()));
    return replies.size();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Done persistAll() {
    List<SignedRecord> records = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      records.add(nextRecord());
    }
    long now = System.currentTimeMillis();
    return Asks.<JournalWriter.Write, Done>ask(writer,
        replyTo -> new JournalWriter.Write(records, now, replyTo), WAIT, system.scheduler())
        .toCompletableFuture().join();
  }

  private SignedRecord nextRecord() {
    long seq = ++sequence;
    return SignedRecord.create(publisher, keys.get((int) (seq % KEYS)), seq, Instant.now(),
        Duration.ofHours(1), new byte[BenchFixtures.VALUE_BYTES]);
  }

  private CompletableFuture<StorageActor.StoreReply> ask(SignedRecord record) {
    return Asks.<StorageActor.Command, StorageActor.StoreReply>ask(store,
        replyTo -> new StorageActor.Store(record, ExpectedSequence.ANY, replyTo), WAIT,
        system.scheduler()).toCompletableFuture();
  }

  private static StorageActor.StoreReply checked(StorageActor.StoreReply reply) {
    if (!reply.equals(StorageActor.StoreReply.STORED)) {
      throw new IllegalStateException("store refused: " + reply);
    }
    return reply;
  }

  private <T> ActorRef<T> spawn(org.apache.pekko.actor.typed.Behavior<T> behavior, String name) {
    return Asks.<SpawnProtocol.Command, ActorRef<T>>ask(system,
        replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo), WAIT,
        system.scheduler()).toCompletableFuture().join();
  }
}
