package io.kadence.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping: polls {@code observe} until {@code ok} holds or
 * the timeout passes, and then fails with what it was waiting for and what it last saw.
 */
public final class Await {
  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /**
   * Returns the first observation that satisfies {@code ok}.
   *
   * @throws AssertionError after {@code timeout}, naming {@code what} and the last observation
   */
  public static <T> T until(String what, Duration timeout, Supplier<T> observe, Predicate<T> ok) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last = "nothing yet";
    while (true) {
      try {
        T seen = observe.get();
        if (ok.test(seen)) {
          return seen;
        }
        last = seen;
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what
            + "; last observed: " + last);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
