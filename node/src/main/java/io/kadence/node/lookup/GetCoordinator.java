package io.kadence.node.lookup;

import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.FoundValue;
import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import io.kadence.dht.wire.Message;
import io.kadence.node.lookup.RecordRepair.Repair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.DeadLetterSuppression;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One get (Kademlia, section 2.3, FIND_VALUE; DESIGN.md, "Data placement"): a short-lived actor
 * that runs a FIND_VALUE lookup as its child and reads the local store at the same time, replies
 * once with the newest valid record of each publisher ({@link GetResult}) and stops.
 *
 * <p>The lookup stops early once {@link ReplicaSets#readQuorum} peers returned a valid record
 * (R + W &gt; N: with N = replication and W = write quorum, R answers of the replica set
 * include one that acknowledged the newest put); with fewer, once the replica set's peers (the
 * {@code replication} closest that did not fail) have answered; with none, until it converges
 * on the k closest. Records are screened as they arrive and checked for expiry again before the
 * reply.
 *
 * <p>Read repair: the replica set is the {@code replication} closest among the peers that
 * answered and this node (which counts when it is among them; its records come from its
 * {@code LocalStore}). Each replica that returned an older record of a publisher, or none, is
 * sent the newest one (Kademlia stores the value at the closest node that did not return it).
 * Repairs are fire-and-forget and counted in the result; a lookup that timed out saw only part
 * of the replica set, and repairs nothing.
 *
 * <p>An empty answer is conclusive only if the lookup finished in time and enough of the replica
 * set answered ({@link GetResult#notFound()}); otherwise the key may exist on the peers that did
 * not answer, and the result says so ({@link GetResult#unavailable()}).
 */
public final class GetCoordinator extends AbstractBehavior<GetCoordinator.Command> {

  /** The get's messages: its lookup's report, the local read and its deadline, all private. */
  public sealed interface Command {}

  private record LookupDone(LookupReport report) implements Command {}

  private enum LookupStopped implements Command { INSTANCE }

  private record LocalRead(List<SignedRecord> records, Throwable failure)
      implements Command, DeadLetterSuppression {}

  private enum LocalDeadline implements Command { INSTANCE }

  private final OperationContext op;
  private final Key key;
  private final LookupQuery query;
  private final ActorRef<GetResult> replyTo;
  private LookupReport report;
  private boolean localDone;
  /** The local store's records, or null if it failed or did not answer in time. */
  private List<SignedRecord> local;

  private GetCoordinator(ActorContext<Command> context, OperationContext op, Key key,
      List<Contact> initial, ActorRef<GetResult> replyTo) {
    super(context);
    this.op = op;
    this.key = key;
    this.replyTo = replyTo;
    int valueQuorum = ReplicaSets.readQuorum(op.storage().replication(), op.storage().writeQuorum());
    this.query = LookupQuery.findValue(key, op.self().id(), op.routing().k(), op.lookup().alpha(),
        valueQuorum, op.storage().replication(), op.storage().maxPublishersPerKey(), initial);
  }

  /**
   * A get of {@code key}, starting its lookup from {@code initial} (the routing table's closest
   * contacts to the key), that replies once to {@code replyTo}.
   */
  public static Behavior<Command> create(OperationContext op, Key key, List<Contact> initial,
      ActorRef<GetResult> replyTo) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new GetCoordinator(context, op, key, initial, replyTo).start(timers)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(LookupDone.class, this::onLookupDone)
        .onMessage(LookupStopped.class, this::onLookupStopped)
        .onMessage(LocalRead.class, this::onLocalRead)
        .onMessage(LocalDeadline.class, this::onLocalDeadline)
        .build();
  }

  private Behavior<Command> start(TimerScheduler<Command> timers) {
    ActorRef<LookupReport> reports = getContext().messageAdapter(LookupReport.class, LookupDone::new);
    ActorRef<LookupActor.Command> lookup =
        getContext().spawn(LookupActor.create(query, op, reports), "lookup");
    getContext().watchWith(lookup, LookupStopped.INSTANCE);
    getContext().pipeToSelf(Stages.safely(() -> op.localStore().get(key)), LocalRead::new);
    timers.startSingleTimer(LocalDeadline.INSTANCE, op.lookup().timeout());
    return this;
  }

  private Behavior<Command> onLookupDone(LookupDone done) {
    report = done.report();
    return finishIfReady();
  }

  private Behavior<Command> onLookupStopped(LookupStopped stopped) {
    if (report == null) {
      getContext().getLog().error("{} get {}: the lookup stopped without a report", selfHex(),
          key.id().shortHex());
      report = LookupReport.abandoned(query, Duration.ZERO);
    }
    return finishIfReady();
  }

  private Behavior<Command> onLocalRead(LocalRead read) {
    if (localDone) {
      return this;
    }
    localDone = true;
    if (read.failure() != null) {
      getContext().getLog().warn("{} get {}: local store failed: {}", selfHex(), key.id().shortHex(),
          Stages.unwrap(read.failure()).toString());
    } else {
      local = read.records().stream()
          .filter(r -> r.key().equals(key) && !op.validator().isExpired(r)).toList();
    }
    return finishIfReady();
  }

  private Behavior<Command> onLocalDeadline(LocalDeadline deadline) {
    if (!localDone) {
      localDone = true;
      getContext().getLog().warn("{} get {}: no answer from the local store", selfHex(),
          key.id().shortHex());
    }
    return finishIfReady();
  }

  private Behavior<Command> finishIfReady() {
    if (report == null || !localDone) {
      return this;
    }
    List<SignedRecord> all = new ArrayList<>(report.records());
    List<SignedRecord> mine = local == null ? List.of() : local;
    all.addAll(mine);
    List<SignedRecord> newest = RecordRepair.newestPerPublisher(all).stream()
        .filter(r -> !op.validator().isExpired(r)).toList();
    List<Repair> repairs = report.timedOut() ? List.of() : RecordRepair.plan(newest, holdings());
    repairs.forEach(this::send);
    getContext().getLog().debug("{} get {}: {} records ({} local), {} repairs, lookup {}", selfHex(),
        key.id().shortHex(), newest.size(), mine.size(), repairs.size(),
        report.result().outcome());
    List<Contact> replicaSet = report.closestKnown(op.self(), op.storage().replication());
    int needed = op.storage().readQuorumFor(replicaSet.size());
    GetResult result = new GetResult(key, newest, repairs, mine.size(), answered(replicaSet),
        needed, report);
    if (result.unavailable()) {
      getContext().getLog().info("{} get {}: no record, and only {} of {} replicas answered"
          + " ({} needed{}): the key may exist", selfHex(), key.id().shortHex(),
          result.replicasAnswered(), replicaSet.size(), needed,
          report.timedOut() ? ", lookup timed out" : "");
    }
    replyTo.tell(result);
    return Behaviors.stopped();
  }

  /** How many of {@code replicaSet} answered: peers that responded, and this node if it read. */
  private int answered(List<Contact> replicaSet) {
    Set<NodeId> responded = new HashSet<>();
    report.closest().forEach(contact -> responded.add(contact.id()));
    if (local != null) {
      responded.add(op.self().id());
    }
    return (int) replicaSet.stream().filter(contact -> responded.contains(contact.id())).count();
  }

  /** What each replica returned, in replica-set order; this node only if its read succeeded. */
  private Map<Contact, List<SignedRecord>> holdings() {
    Map<NodeId, List<SignedRecord>> returned = new HashMap<>();
    for (FoundValue<List<SignedRecord>> found : report.result().values()) {
      returned.put(found.from().id(), found.value());
    }
    Map<Contact, List<SignedRecord>> holdings = new LinkedHashMap<>();
    for (Contact replica : ReplicaSets.withSelf(key.id(), op.self(), report.closest(),
        op.storage().replication())) {
      if (!replica.id().equals(op.self().id())) {
        holdings.put(replica, returned.getOrDefault(replica.id(), List.of()));
      } else if (local != null) {
        holdings.put(replica, local);
      }
    }
    return holdings;
  }

  /** Fire-and-forget: the answer is not awaited, and the replace rule makes a repeat harmless. */
  private void send(Repair repair) {
    getContext().getLog().debug("{} repair {} on {} ({})", selfHex(), repair.record(),
        repair.replica(), repair.stale() ? "stale" : "missing");
    if (repair.replica().id().equals(op.self().id())) {
      Stages.safely(() -> op.localStore().store(repair.record(), ExpectedSequence.ANY));
    } else {
      Stages.safely(() -> op.rpc().call(repair.replica(), new Message.Store(repair.record()),
          op.lookup().requestTimeout()));
    }
  }

  private String selfHex() {
    return op.self().id().shortHex();
  }
}
