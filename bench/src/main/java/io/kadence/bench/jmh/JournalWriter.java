package io.kadence.bench.jmh;

import io.kadence.dht.record.SignedRecord;
import io.kadence.node.storage.StorageEvent;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * For {@link StorageBenchmark} only: writes the node's own {@link StorageEvent.RecordStored}
 * events to the node's journal, a whole list in one atomic write ({@code persist} of a list,
 * Pekko's persistAll), and keeps no state. It measures what a {@code StorageActor} that took a
 * batch of stores per command could save; the node has no such command.
 */
final class JournalWriter extends EventSourcedBehavior<JournalWriter.Write, StorageEvent, Long> {
  /** Persist one event per record, in one write, then answer {@link Done}. */
  record Write(List<SignedRecord> records, long storedAtMillis, ActorRef<Done> replyTo) {}

  private JournalWriter(PersistenceId id) {
    super(id);
  }

  static Behavior<Write> create(String persistenceId) {
    return new JournalWriter(PersistenceId.ofUniqueId(persistenceId));
  }

  @Override
  public Long emptyState() {
    return 0L;
  }

  @Override
  public CommandHandler<Write, StorageEvent, Long> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onCommand(Write.class, this::onWrite).build();
  }

  private org.apache.pekko.persistence.typed.javadsl.Effect<StorageEvent, Long> onWrite(Long state,
      Write write) {
    List<StorageEvent> events = write.records().stream()
        .<StorageEvent>map(r -> new StorageEvent.RecordStored(r, write.storedAtMillis())).toList();
    return Effect().persist(events).thenReply(write.replyTo(), s -> Done.getInstance());
  }

  @Override
  public EventHandler<Long, StorageEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
  }
}
