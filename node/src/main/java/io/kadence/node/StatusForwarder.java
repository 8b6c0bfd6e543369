package io.kadence.node;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * Wraps the one reply of a per-request coordinator into a {@link StatusReply} for the API's
 * asker, then stops: a coordinator replies with its plain result type, the API answers with
 * success or a clear error.
 */
final class StatusForwarder {
  private StatusForwarder() {}

  static <T> Behavior<T> create(ActorRef<StatusReply<T>> target) {
    return Behaviors.receive((ctx, result) -> {
      target.tell(StatusReply.success(result));
      return Behaviors.stopped();
    });
  }
}
