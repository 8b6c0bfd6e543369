package io.kadence.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogCapturingExtension.class)
class AsksTest {
  private static final String SYSTEM = "asks-test";
  private static final ActorTestKit KIT = ActorTestKit.create(SYSTEM);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  record Echo(String text, ActorRef<String> replyTo) {}

  record Check(String text, ActorRef<StatusReply<String>> replyTo) {}

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  @Test
  void ask_shouldRunCallbacksOnTheReplyingOrCallingThreadNeverOnAFreshOne() throws Exception {
    ActorRef<Echo> echo = KIT.spawn(Behaviors.receiveMessage(msg -> {
      msg.replyTo().tell(msg.text());
      return Behaviors.same();
    }));
    Thread caller = Thread.currentThread();
    for (int i = 0; i < 20; i++) {
      String text = "hello " + i;
      CompletionStage<Thread> ranOn = Asks.<Echo, String>ask(echo, r -> new Echo(text, r),
              TIMEOUT, KIT.scheduler())
          .thenApply(reply -> {
            assertEquals(text, reply);
            return Thread.currentThread();
          });
      Thread thread = ranOn.toCompletableFuture().get(5, TimeUnit.SECONDS);
      // Before: "Thread-N" (a thread per callback, two cores or fewer) or a common pool worker.
      assertTrue(thread == caller || thread.getName().startsWith(SYSTEM + "-"),
          "callback ran on " + thread.getName());
    }
  }

  @Test
  void ask_shouldFailWithTheTimeoutWhenNoReplyComes() {
    ActorRef<Echo> silent = KIT.spawn(Behaviors.ignore());
    CompletionStage<String> reply = Asks.<Echo, String>ask(silent, r -> new Echo("x", r),
        Duration.ofMillis(100), KIT.scheduler());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> reply.toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, e.getCause());
  }

  @Test
  void askWithStatus_shouldCompleteWithTheValueOrFailWithTheError() throws Exception {
    ActorRef<Check> checker = KIT.spawn(Behaviors.receiveMessage(msg -> {
      msg.replyTo().tell(msg.text().isEmpty()
          ? StatusReply.error("empty") : StatusReply.success(msg.text().toUpperCase()));
      return Behaviors.same();
    }));
    assertEquals("OK", Asks.<Check, String>askWithStatus(checker, r -> new Check("ok", r),
        TIMEOUT, KIT.scheduler()).toCompletableFuture().get(5, TimeUnit.SECONDS));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> Asks.<Check, String>askWithStatus(checker, r -> new Check("", r), TIMEOUT,
            KIT.scheduler()).toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertEquals("empty", e.getCause().getMessage());
  }
}
