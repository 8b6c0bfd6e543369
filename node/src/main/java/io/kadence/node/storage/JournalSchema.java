package io.kadence.node.storage;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Creates the JDBC journal's tables in the peer's embedded database if they are missing.
 * pekko-persistence-jdbc does not create them itself, and H2's {@code INIT=RUNSCRIPT} with the
 * plugin's script fails on the second connection (NOTES.md); {@code SchemaUtils} is idempotent.
 * The plugin ships it in a "testkit" package, but it is in the main jar and meant for this use.
 */
public final class JournalSchema {
  private JournalSchema() {}

  /** Creates the tables if needed, asynchronously. */
  public static CompletionStage<Done> ensure(ActorSystem<?> system) {
    return SchemaUtils.createIfNotExists(system);
  }

  /**
   * Creates the tables if needed and waits, for start-up code that may block.
   *
   * @throws IllegalStateException with the cause if the database cannot be opened in time
   */
  public static void ensureBlocking(ActorSystem<?> system, Duration timeout) {
    try {
      ensure(system).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the journal schema", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot open the journal database: " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the journal database did not open within " + timeout, e);
    }
  }
}
