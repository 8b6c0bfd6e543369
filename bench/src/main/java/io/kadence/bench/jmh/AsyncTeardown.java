package io.kadence.bench.jmh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops what a benchmark started (actor systems, their files) without waiting in its
 * {@code @TearDown}. JMH runs a trial's tear-down inside the last measured iteration, so a
 * blocking stop (Pekko's coordinated shutdown takes seconds) would count in that iteration's
 * {@link CpuTimeProfiler} figures. The stop runs on; a JVM shutdown hook waits for it (at most
 * {@link #LIMIT}) so the fork leaves no files behind, and tests wait with {@link #await}.
 */
final class AsyncTeardown {
  static final Duration LIMIT = Duration.ofSeconds(60);

  private final CompletableFuture<Void> done;

  private AsyncTeardown(CompletableFuture<Void> done) {
    this.done = done;
  }

  /** Starts waiting for {@code stop}, which the caller has begun. */
  static AsyncTeardown of(CompletionStage<?> stop) {
    CompletableFuture<Void> done = stop.toCompletableFuture().thenApply(ignored -> (Void) null);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(done), "bench-teardown"));
    return new AsyncTeardown(done);
  }

  /** Waits until the stop has finished; rethrows its failure. */
  void await() throws ExecutionException, InterruptedException, TimeoutException {
    done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitQuietly(CompletableFuture<Void> done) {
    try {
      done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("bench: a benchmark's tear-down did not finish: " + e);
    }
  }
}
