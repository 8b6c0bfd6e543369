package io.kadence.node;

import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.replication.Replicator;
import io.kadence.node.settings.NodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;

/**
 * The steps of a graceful leave (DESIGN.md, "Data placement": graceful leave hands every record
 * to its new replica set before the node exits): hand every record to its replica set without
 * this node, drop what was handed off, send a signed LEAVE to every routing contact, then leave
 * the cluster. The guardian runs the steps in order and bounds the whole by the leave timeout.
 * A leave requested again while one runs (an operator's second request, or the SIGTERM that
 * follows an HTTP leave) gets the same answer when it ends, instead of an error that made
 * {@code kadence node} stop at once in the middle of the hand-off.
 */
final class NodeLeaving {
  private final NodeParts parts;
  private final NodeSettings settings;
  private final ActorSystem<?> system;
  private final List<ActorRef<StatusReply<LeaveResult>>> replyTo = new ArrayList<>();
  private Replicator.RunResult handOff;
  private int notified;
  private LeaveResult answer;

  NodeLeaving(NodeParts parts, NodeSettings settings, ActorSystem<?> system,
      ActorRef<StatusReply<LeaveResult>> replyTo) {
    this.parts = parts;
    this.settings = settings;
    this.system = system;
    this.replyTo.add(replyTo);
  }

  /** Another request to leave: answered with this leave's result, now if it has ended. */
  void alsoAnswer(ActorRef<StatusReply<LeaveResult>> another) {
    if (answer != null) {
      another.tell(StatusReply.success(answer));
    } else {
      replyTo.add(another);
    }
  }

  /** A hand-off that could not even start. */
  static Replicator.RunResult failed(Throwable failure) {
    return new Replicator.RunResult(0, 0, 0, 0, List.of(),
        Optional.of(String.valueOf(failure.getMessage())));
  }

  CompletionStage<Replicator.RunResult> handOff() {
    return Asks.ask(parts.replicator(), Replicator.HandOff::new,
        settings.network().leaveTimeout(), system.scheduler());
  }

  void handedOff(Replicator.RunResult result) {
    this.handOff = result;
  }

  /**
   * Drops the records every new replica acknowledged, and tells every contact this node is
   * leaving; completes with how many acknowledged the LEAVE.
   */
  CompletionStage<Integer> dropHandedOffAndNotify() {
    CompletionStage<?> dropped = handOff.fullyReplicated().isEmpty()
        ? CompletableFuture.completedFuture(null)
        : parts.store().handedOff(handOff.fullyReplicated());
    // The contacts are read from the routing table's view, not asked of the routing actor: an
    // ask that timed out left every contact without its LEAVE.
    List<Contact> contacts = parts.contacts().all();
    return dropped.exceptionally(e -> null).thenCompose(d -> {
      List<CompletableFuture<Boolean>> acks = contacts.stream()
          .map(c -> parts.rpc().call(c, new Message.Leave(), settings.lookup().requestTimeout())
              .handle((reply, failure) -> failure == null).toCompletableFuture())
          .toList();
      return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .thenApply(v -> (int) acks.stream().filter(CompletableFuture::join).count());
    });
  }

  void notified(int acknowledged) {
    this.notified = acknowledged;
  }

  /** Answers the leave requests, once; later calls do nothing. */
  void reply(boolean leftCluster) {
    if (answer != null) {
      return;
    }
    Replicator.RunResult result = handOff == null ? failed(new IllegalStateException("timeout"))
        : handOff;
    answer = new LeaveResult(result.records(), result.fullyReplicated().size(), result.failed(),
        notified, leftCluster);
    replyTo.forEach(r -> r.tell(StatusReply.success(answer)));
    replyTo.clear();
  }
}
