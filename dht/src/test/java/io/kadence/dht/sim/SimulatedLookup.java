package io.kadence.dht.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.lookup.LookupState;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Drives a {@link LookupState} through a {@link SimulatedNetwork} synchronously, as the node's
 * lookup actor would drive it through the real one (Kademlia, section 2.3): send what
 * {@link LookupState#nextRequests()} asks for, then deliver one outstanding answer, failure or
 * timeout at a time, picked at random among those outstanding so that answers interleave in
 * every order. Checks the state's contract on the way: every event it waits for is accepted,
 * it never stalls with nothing in flight, and after it ends every leftover event is ignored.
 */
public final class SimulatedLookup {
  /**
   * A finished lookup run from the node {@code start}, and every contact it was told about: the
   * initial contacts and the contacts of every answer it accepted (at most k each, all of them
   * considered).
   */
  public record Report(int start, LookupResult<String> result, Set<Contact> heard) {}

  private record Pending(Contact peer, boolean late) {}

  private SimulatedLookup() {}

  /**
   * A FIND_NODE lookup of {@code target} by the node {@code start}, seeded with the k contacts
   * of its own table closest to the target (what its routing table would offer), run to its end.
   */
  public static Report findNode(SimulatedNetwork network, int start, NodeId target, int k,
      int alpha, Random random) {
    List<Contact> initial = network.closestKnown(start, target);
    NodeId self = network.contact(start).id();
    return run(LookupState.findNode(target, self, k, alpha, initial), start, initial, network,
        random);
  }

  /** As {@link #findNode}, for FIND_VALUE with the given value quorum. */
  public static Report findValue(SimulatedNetwork network, int start, NodeId target, int k,
      int alpha, int quorum, Random random) {
    List<Contact> initial = network.closestKnown(start, target);
    NodeId self = network.contact(start).id();
    return run(LookupState.findValue(target, self, k, alpha, quorum, k, initial), start, initial,
        network, random);
  }

  /** Runs {@code state}, seeded with {@code initial} by the node {@code start}, to its end. */
  public static Report run(LookupState<String> state, int start, Collection<Contact> initial,
      SimulatedNetwork network, Random random) {
    Set<Contact> heard = new HashSet<>(initial);
    List<Pending> pending = new ArrayList<>();
    while (true) {
      for (Contact peer : state.nextRequests()) {
        pending.add(new Pending(peer, false));
      }
      if (state.isDone()) {
        break;
      }
      if (pending.isEmpty()) {
        throw new AssertionError("lookup stalled: not done, nothing in flight, nothing to ask");
      }
      int pick = random.nextInt(pending.size());
      Pending next = pending.set(pick, pending.get(pending.size() - 1));
      pending.remove(pending.size() - 1);
      if (!deliver(state, network, next, pending, heard)) {
        throw new AssertionError("event for a waited-on peer was ignored: " + next);
      }
    }
    for (Pending late : pending) {
      if (deliver(state, network, late, new ArrayList<>(), new HashSet<>())) {
        throw new AssertionError("event accepted after the lookup ended: " + late);
      }
    }
    return new Report(start, state.result(), heard);
  }

  private static boolean deliver(LookupState<String> state, SimulatedNetwork network,
      Pending request, List<Pending> pending, Set<Contact> heard) {
    NodeId id = request.peer().id();
    int node = network.indexOf(id);
    switch (network.behavior(node)) {
      case FAILS:
        return state.onFailure(id);
      case TIMES_OUT:
        return state.onTimeout(id);
      case SLOW:
        if (!request.late()) {
          pending.add(new Pending(request.peer(), true));
          return state.onTimeout(id);
        }
        return answer(state, network, node, heard);
      default:
        return answer(state, network, node, heard);
    }
  }

  private static boolean answer(LookupState<String> state, SimulatedNetwork network, int node,
      Set<Contact> heard) {
    NodeId id = network.contact(node).id();
    List<Contact> closer = network.closestKnown(node, state.target());
    String value = state.kind() == LookupKind.FIND_VALUE ? network.valueAt(node, state.target())
        : null;
    boolean accepted =
        value == null ? state.onResponse(id, closer) : state.onValue(id, value, closer);
    if (accepted) {
      heard.addAll(closer);
    }
    return accepted;
  }
}
