package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.SELF;
import static io.kadence.node.storage.StorageFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.settings.StorageSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * What the {@link StorageActor} tests share: a manual clock, stores on the persistence testkit's
 * journal (events serialized by Kryo) and the commands they send; each test class brings its own
 * actor system.
 */
abstract class StorageActorFixture {
  static final AtomicInteger ids = new AtomicInteger();

  final ManualClock clock = new ManualClock(T0);
  PersistenceId persistenceId;
  private final ActorTestKit testKit;

  StorageActorFixture(ActorTestKit testKit) {
    this.testKit = testKit;
  }

  /** A store with its own persistence id, so tests do not share a journal. */
  EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> store(
      StorageSettings settings) {
    return store(settings, new StoreView());
  }

  /** A store with its own persistence id that keeps {@code view}. */
  EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> store(
      StorageSettings settings, StoreView view) {
    persistenceId = PersistenceId.ofUniqueId("storage-test-" + ids.incrementAndGet());
    return EventSourcedBehaviorTestKit.create(testKit.system(),
        StorageActor.create(persistenceId, SELF, settings, clock, view),
        EventSourcedBehaviorTestKit.enabledSerializationSettings()
            .withVerifyCommands(false).withVerifyState(false).withVerifyEquality(true));
  }

  static CommandResultWithReply<StorageActor.Command, StorageEvent, StoreState,
      StorageActor.StoreReply> put(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit,
      SignedRecord record, ExpectedSequence expected) {
    return kit.runCommand(replyTo -> new StorageActor.Store(record, expected, replyTo));
  }

  static void assertStored(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit,
      SignedRecord record) {
    var result = put(kit, record, ExpectedSequence.ANY);
    assertEquals(StorageActor.StoreReply.STORED, result.reply());
    assertEquals(List.of(new StorageEvent.RecordStored(record, T0.toEpochMilli())), result.events());
  }

  static void assertRefused(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit,
      SignedRecord record, ExpectedSequence expected, StoreRefusal reason) {
    var result = put(kit, record, expected);
    assertEquals(Optional.of(reason), result.reply().refusal());
    assertTrue(result.hasNoEvents(), "a refusal persists nothing");
  }

  List<SignedRecord> get(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit) {
    return kit.getState().live(KEY, clock.instant());
  }

  static StorageActor.StorageStats stats(
      EventSourcedBehaviorTestKit<StorageActor.Command, StorageEvent, StoreState> kit) {
    return kit.<StorageActor.StorageStats>runCommand(StorageActor.GetStats::new).reply();
  }
}
