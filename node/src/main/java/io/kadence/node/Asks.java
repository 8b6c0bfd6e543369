package io.kadence.node;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.pattern.StatusReply;

/**
 * Pekko's {@link AskPattern}, with stages that do not start a thread per callback.
 *
 * <p>{@code AskPattern} returns Scala's {@code CompletableFuture} adapter, which turns every
 * non-async callback ({@code thenApply}, {@code whenComplete}, and so {@code pipeToSelf}) into
 * its async form on the JDK's default async executor. That executor is the common
 * {@code ForkJoinPool} only when its parallelism is above 1; on a machine with two cores or
 * fewer it is a thread per task. A peer on such a machine started a new thread for every
 * callback of every ask, about 110 threads a second per peer under a light load (measured with
 * JFR, {@code jdk.ThreadStart}). Here the reply completes a plain {@code CompletableFuture}
 * on the thread that delivered it, so callbacks run where plain futures run them: callbacks
 * chained on an ask must therefore be short and must not block (all of Kadence's are: they
 * enqueue a message or map a value; signing has its own executor).
 */
public final class Asks {
  private Asks() {}

  /** {@link AskPattern#ask}, its callbacks run on the thread that completes it. */
  public static <Req, Res> CompletionStage<Res> ask(RecipientRef<Req> target,
      Function<ActorRef<Res>, Req> message, Duration timeout, Scheduler scheduler) {
    return direct(AskPattern.ask(target, message, timeout, scheduler));
  }

  /** {@link AskPattern#askWithStatus}, its callbacks run on the thread that completes it. */
  public static <Req, Res> CompletionStage<Res> askWithStatus(RecipientRef<Req> target,
      Function<ActorRef<StatusReply<Res>>, Req> message, Duration timeout,
      Scheduler scheduler) {
    return direct(AskPattern.askWithStatus(target, message, timeout, scheduler));
  }

  /** A plain future completed with {@code stage}'s outcome on the thread that completes it. */
  public static <T> CompletableFuture<T> direct(CompletionStage<T> stage) {
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.whenCompleteAsync((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(value);
      }
    }, Runnable::run);
    return result;
  }
}
