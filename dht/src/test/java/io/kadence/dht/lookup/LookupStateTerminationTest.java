package io.kadence.dht.lookup;

import static io.kadence.dht.lookup.Peers.TARGET;
import static io.kadence.dht.lookup.Peers.contacts;
import static io.kadence.dht.lookup.Peers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a {@link LookupState} ends, and what its result says: closest, failed, hops, trace. */
class LookupStateTerminationTest {
  private static final NodeId SELF = id(1_000_000);

  private static LookupState<Void> lookup(int k, int alpha, List<Contact> initial) {
    return LookupState.findNode(TARGET, SELF, k, alpha, initial);
  }

  @Test
  void isDone_shouldConvergeWhenKClosestRespondedWhileAFartherRequestIsInFlight() {
    LookupState<Void> state = lookup(2, 3, contacts(3, 4));
    state.nextRequests();
    state.onResponse(id(3), contacts(1, 2));
    assertEquals(contacts(1, 2), state.nextRequests());
    state.onResponse(id(1), List.of());
    assertFalse(state.isDone());
    state.onResponse(id(2), List.of());
    assertTrue(state.isDone());
    LookupResult<Void> result = state.result();
    assertEquals(LookupOutcome.CONVERGED, result.outcome());
    assertEquals(contacts(1, 2), result.closest());
    assertEquals(Optional.of(PeerState.WAITING), state.stateOf(id(4)));
    assertEquals(List.of(), state.nextRequests());
  }

  @Test
  void isDone_shouldStayRunningWhenACloserCandidateIsUnqueried() {
    LookupState<Void> state = lookup(2, 1, contacts(5, 6));
    state.nextRequests();
    state.onResponse(id(5), contacts(1));
    assertFalse(state.isDone());
    assertEquals(contacts(1), state.nextRequests());
  }

  @Test
  void isDone_shouldBeExhaustedWhenFewerThanKPeersExistAndAllResponded() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2));
    state.nextRequests();
    state.onResponse(id(1), contacts(2));
    state.onResponse(id(2), contacts(1));
    assertTrue(state.isDone());
    assertEquals(LookupOutcome.EXHAUSTED, state.result().outcome());
    assertEquals(contacts(1, 2), state.result().closest());
  }

  @Test
  void isDone_shouldBeExhaustedAtOnceWhenThereAreNoInitialContacts() {
    LookupState<Void> state = lookup(20, 3, List.of());
    assertTrue(state.isDone());
    assertEquals(List.of(), state.nextRequests());
    assertEquals(LookupOutcome.EXHAUSTED, state.result().outcome());
    assertEquals(0, state.result().rounds());
  }

  @Test
  void isDone_shouldBeExhaustedWhenEveryPeerFailed() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2));
    state.nextRequests();
    state.onFailure(id(1));
    state.onTimeout(id(2));
    assertTrue(state.isDone());
    LookupResult<Void> result = state.result();
    assertEquals(LookupOutcome.EXHAUSTED, result.outcome());
    assertEquals(List.of(), result.closest());
    assertEquals(contacts(1, 2), result.failed());
  }

  @Test
  void result_shouldBeUnfinishedSnapshotWhenTakenWhileRunning() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2));
    state.nextRequests();
    state.onResponse(id(2), List.of());
    LookupResult<Void> result = state.result();
    assertEquals(LookupOutcome.UNFINISHED, result.outcome());
    assertFalse(result.done());
    assertEquals(contacts(2), result.closest());
  }

  @Test
  void onResponse_shouldBeIgnoredWhenLookupIsDone() {
    LookupState<Void> state = lookup(1, 2, contacts(1, 2));
    state.nextRequests();
    state.onResponse(id(1), List.of());
    assertTrue(state.isDone());
    assertFalse(state.onResponse(id(2), contacts(0)));
    assertFalse(state.onFailure(id(2)));
    assertEquals(Optional.empty(), state.stateOf(id(0)));
    assertEquals(2, state.result().ignoredEvents());
  }

  @Test
  void result_shouldCountRoundsAlongTheReferralChainWhenPeersNameCloserOnes() {
    LookupState<Void> state = lookup(20, 1, contacts(40));
    state.nextRequests();
    state.onResponse(id(40), contacts(20));
    state.nextRequests();
    state.onResponse(id(20), contacts(10));
    state.nextRequests();
    state.onResponse(id(10), List.of());
    LookupResult<Void> result = state.result();
    assertEquals(contacts(10, 20, 40), result.closest());
    assertEquals(3, result.rounds());
    assertEquals(3, result.queried());
    assertEquals(3, result.trace().get(4).hop());
  }

  @Test
  void result_shouldTakeTheShorterChainWhenACandidateIsNamedAgainBeforeItIsQueried() {
    LookupState<Void> state = lookup(20, 2, contacts(30, 40));
    state.nextRequests();
    state.onResponse(id(30), contacts(20));
    state.nextRequests();
    state.onResponse(id(20), contacts(10, 15)); // both at hop 3
    assertEquals(contacts(10), state.nextRequests());
    state.onResponse(id(40), contacts(15)); // 15 again, now at hop 2
    assertEquals(contacts(15), state.nextRequests());
    List<TraceEntry> trace = state.result().trace();
    assertEquals(2, trace.get(trace.size() - 1).hop());
    state.onResponse(id(15), List.of());
    state.onResponse(id(10), List.of());
    assertEquals(3, state.result().rounds());
  }

  @Test
  void result_shouldTraceEveryQueryAndAnswerInSequenceWhenLookupRuns() {
    LookupState<Void> state = lookup(20, 2, contacts(1, 2));
    state.nextRequests();
    state.onResponse(id(1), contacts(3, 4));
    state.onTimeout(id(2));
    state.nextRequests();
    state.onFailure(id(3));
    List<TraceEntry> trace = state.result().trace();
    assertEquals(List.of(TraceEntry.Type.QUERY, TraceEntry.Type.QUERY, TraceEntry.Type.RESPONSE,
        TraceEntry.Type.TIMEOUT, TraceEntry.Type.QUERY, TraceEntry.Type.QUERY,
        TraceEntry.Type.FAILURE), trace.stream().map(TraceEntry::type).toList());
    for (int i = 0; i < trace.size(); i++) {
      assertEquals(i + 1, trace.get(i).sequence());
    }
    assertEquals(id(1), trace.get(2).peer().id());
    assertEquals(2, trace.get(2).newContacts());
    assertEquals("#3 hop 1 " + Peers.contact(1) + " responded 2 (2 new)", trace.get(2).toString());
    assertEquals(contacts(2, 3), state.result().failed());
  }
}
