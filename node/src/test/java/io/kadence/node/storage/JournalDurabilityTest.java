package io.kadence.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.kadence.node.config.PekkoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The peer's journal configuration keeps every acknowledged event across a restart. */
@ExtendWith(LogCapturingExtension.class)
class JournalDurabilityTest {
  @TempDir Path dir;

  @Test
  void journal_shouldRecoverEveryAcknowledgedEventWhenTheSystemRestartsOnTheSameDir() {
    runAndCheck(0, 250);
    runAndCheck(250, 50);
    assertTrue(Files.exists(dir.resolve("journal.mv.db")), "the journal is an H2 file in the data dir");
  }

  /** Starts a system on {@code dir}, checks the recovered count, appends {@code adds} more. */
  private void runAndCheck(int expectedAtStart, int adds) {
    ActorTestKit kit = ActorTestKit.create(PekkoConfig.SYSTEM_NAME,
        PekkoConfig.forPeer("127.0.0.1", 0, dir, ConfigFactory.empty()));
    try {
      JournalSchema.ensureBlocking(kit.system(), Duration.ofSeconds(30));
      ActorRef<Object> counter = kit.spawn(Counter.create());
      TestProbe<Integer> probe = kit.createTestProbe();
      counter.tell(new Get(probe.getRef()));
      assertEquals(expectedAtStart, probe.receiveMessage(Duration.ofSeconds(10)));
      for (int i = 0; i < adds; i++) {
        counter.tell(new Add("e" + i, probe.getRef()));
      }
      for (int i = 0; i < adds; i++) {
        assertEquals(expectedAtStart + i + 1, probe.receiveMessage(Duration.ofSeconds(10)));
      }
    } finally {
      kit.shutdownTestKit();
    }
  }

  record Add(String event, ActorRef<Integer> replyTo) {}

  record Get(ActorRef<Integer> replyTo) {}

  /** Counts its String events; replies only after an event is persisted. */
  static final class Counter extends EventSourcedBehavior<Object, String, Integer> {
    static Behavior<Object> create() {
      return new Counter();
    }

    private Counter() {
      super(PersistenceId.ofUniqueId("durability-counter"));
    }

    @Override
    public Integer emptyState() {
      return 0;
    }

    @Override
    public CommandHandler<Object, String, Integer> commandHandler() {
      return newCommandHandlerBuilder().forAnyState()
          .onCommand(Add.class, (state, add) -> Effect().persist(add.event())
              .thenReply(add.replyTo(), s -> s))
          .onCommand(Get.class, (state, get) -> Effect().reply(get.replyTo(), state))
          .build();
    }

    @Override
    public EventHandler<Integer, String> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> state + 1);
    }
  }
}
