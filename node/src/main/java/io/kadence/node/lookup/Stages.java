package io.kadence.node.lookup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Small helpers for the completion stages of the RPC and the local store. */
final class Stages {
  private Stages() {}

  /** The stage {@code call} returns, or a failed one if it throws instead of failing the stage. */
  static <T> CompletionStage<T> safely(Supplier<CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The cause of a failure, without the wrapper that stage composition adds. */
  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }
}
