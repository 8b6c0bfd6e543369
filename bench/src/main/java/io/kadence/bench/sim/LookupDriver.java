package io.kadence.bench.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.HedgeSchedule;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.routing.Contact;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Drives one {@link LookupState} through the simulated network in simulated time, as the node's
 * lookup actor drives it through the real one (Kademlia, section 2.3): a discrete-event loop
 * whose events are replies, request timeouts and hedges, in time order. A request costs one
 * message, a reply another; either may be lost; a failed node, or an invented contact, never
 * replies. A reply slower than the request timeout is reported as a timeout first and delivered
 * late (the state accepts late answers). Once the lookup's first answer has come, a request
 * unanswered for the model's hedge delay after its sending is reported slow
 * ({@link LookupState#onSlow}), and one unanswered for its give-up delay timed out (the request
 * timeout that follows is not taken twice), on the same {@link HedgeSchedule} as the lookup
 * actor; before the first answer a request is only given up, by the model's prior round trip
 * if it has one (a node's estimate from its earlier lookups), and such a due is dropped once
 * the first answer replaces it. The lookup is cut off, unfinished, at the model's lookup
 * bound.
 */
final class LookupDriver {
  /** The value honest replicas return to FIND_VALUE; its content does not matter here. */
  static final String VALUE = "value";

  /**
   * A lookup as it ended.
   *
   * @param result the state's final result (or its snapshot when cut off)
   * @param messages requests sent plus replies sent (a lost message counts: it was sent)
   * @param latencyMs simulated time from the first request to the end of the lookup
   * @param cutOff whether the lookup bound ended it before the state did
   */
  record Outcome(LookupResult<String> result, int messages, double latencyMs, boolean cutOff) {}

  private enum Kind { REPLY, TIMEOUT, SLOW, GIVE_UP }

  /** One event; {@code due} is the hedge's due of a SLOW or GIVE_UP, null otherwise. */
  private record Event(double time, long sequence, NodeId id, int node, Kind kind,
      HedgeSchedule.Due due) {}

  private static final Comparator<Event> ORDER =
      Comparator.comparingDouble(Event::time).thenComparingLong(Event::sequence);

  private final Network network;
  private final NetworkModel model;
  private final LookupState<String> state;
  private final IntPredicate holdsValue;
  private final Random random;
  private final PriorityQueue<Event> queue = new PriorityQueue<>(ORDER);
  private long sequence;
  private int messages;
  private double now;
  /** When each request becomes slow and is given up, in nanoseconds of simulated time. */
  private final HedgeSchedule hedges;

  private LookupDriver(Network network, NetworkModel model, LookupState<String> state,
      IntPredicate holdsValue, Random random) {
    this.network = network;
    this.model = model;
    this.state = state;
    this.holdsValue = holdsValue;
    this.random = random;
    this.hedges = new HedgeSchedule(model.hedge(), model.priorRoundTripNanos());
  }

  /**
   * Runs {@code state} to its end. For FIND_VALUE, the honest nodes for which
   * {@code holdsValue} holds answer with {@link #VALUE}.
   */
  static Outcome run(Network network, NetworkModel model, LookupState<String> state,
      IntPredicate holdsValue, Random random) {
    return new LookupDriver(network, model, state, holdsValue, random).run();
  }

  private Outcome run() {
    send(state.nextRequests());
    boolean cutOff = false;
    while (!state.isDone()) {
      Event event = queue.poll();
      if (event == null) {
        throw new IllegalStateException("lookup stalled: not done and nothing in flight");
      }
      if (event.time() > model.lookupTimeoutMs()) {
        now = model.lookupTimeoutMs();
        cutOff = true;
        break;
      }
      now = event.time();
      if (event.due() != null && !hedges.isCurrent(event.due())) {
        continue; // a due by the prior round trip, replaced at the first answer
      }
      switch (event.kind()) {
        case REPLY -> reply(event.node(), event.id());
        // A request timeout after a give-up is not taken again (LookupState.onTimeout).
        case TIMEOUT, GIVE_UP -> state.onTimeout(event.id());
        case SLOW -> state.onSlow(event.id());
      }
      send(state.nextRequests());
    }
    return new Outcome(state.result(), messages, now, cutOff);
  }

  private void reply(int node, NodeId from) {
    hedges.answered(from, nanos(now), state).forEach(this::dueAt);
    List<Contact> closer = network.answer(node, state.target());
    if (state.kind() == LookupKind.FIND_VALUE && network.role(node) == Role.HONEST
        && holdsValue.test(node)) {
      state.onValue(from, VALUE, closer);
    } else {
      state.onResponse(from, closer);
    }
  }

  /** Schedules the report of {@code due}: slow, or given up. */
  private void dueAt(HedgeSchedule.Due due) {
    Kind kind = due.stage() == HedgeSchedule.Stage.SLOW ? Kind.SLOW : Kind.GIVE_UP;
    queue.add(new Event(Math.max(now, due.atNanos() / 1e6), sequence++, due.peer(), -1, kind,
        due));
  }

  private static long nanos(double ms) {
    return Math.round(ms * 1e6);
  }

  private void send(List<Contact> requests) {
    for (Contact peer : requests) {
      int node = network.population().find(peer.id());
      messages++;
      hedges.sent(peer.id(), nanos(now)).forEach(this::dueAt);
      double deadline = now + model.requestTimeoutMs();
      if (node < 0) { // an invented contact: the address is a black hole
        queue.add(new Event(deadline, sequence++, peer.id(), -1, Kind.TIMEOUT, null));
        continue;
      }
      if (network.role(node) == Role.FAILED || model.lost(random)) {
        schedule(deadline, node, Kind.TIMEOUT);
        continue;
      }
      messages++;
      double arrival = now + model.delay(random) + model.delay(random);
      if (model.lost(random)) {
        schedule(deadline, node, Kind.TIMEOUT);
      } else if (arrival <= deadline) {
        schedule(arrival, node, Kind.REPLY);
      } else {
        schedule(deadline, node, Kind.TIMEOUT);
        schedule(arrival, node, Kind.REPLY);
      }
    }
  }

  private void schedule(double time, int node, Kind kind) {
    queue.add(new Event(time, sequence++, network.population().id(node), node, kind, null));
  }
}
