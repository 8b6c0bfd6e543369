package io.kadence.dht.lookup;

import static io.kadence.dht.lookup.Peers.TARGET;
import static io.kadence.dht.lookup.Peers.contact;
import static io.kadence.dht.lookup.Peers.contacts;
import static io.kadence.dht.lookup.Peers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The FIND_VALUE rules of {@link LookupState}: value quorum, early stop, repair candidates. */
class LookupStateValueTest {
  private static final NodeId SELF = id(1_000_000);

  private static LookupState<String> lookup(int k, int alpha, int quorum, List<Contact> initial) {
    return LookupState.findValue(TARGET, SELF, k, alpha, quorum, k, initial);
  }

  @Test
  void onValue_shouldStopAtFirstValueWhenQuorumIsOne() {
    LookupState<String> state = lookup(20, 3, 1, contacts(1, 2, 3, 4));
    state.nextRequests();
    state.onResponse(id(1), contacts(5));
    assertTrue(state.onValue(id(3), "v", List.of()));
    assertTrue(state.isDone());
    assertEquals(List.of(), state.nextRequests());
    LookupResult<String> result = state.result();
    assertEquals(LookupOutcome.VALUE_QUORUM, result.outcome());
    assertEquals(List.of(new FoundValue<>(contact(3), "v", 1)), result.values());
    assertEquals(Optional.of("v"), result.firstValue());
    assertEquals(TraceEntry.Type.VALUE, result.trace().get(result.trace().size() - 1).type());
  }

  @Test
  void onValue_shouldContinueUntilQuorumWhenQuorumIsAboveOne() {
    LookupState<String> state = lookup(20, 2, 2, contacts(1, 2, 3, 4));
    state.nextRequests();
    state.onValue(id(1), "a", List.of());
    assertFalse(state.isDone());
    assertEquals(List.of(), state.nextRequests(), "the request in flight may bring the value");
    state.onResponse(id(2), List.of());
    assertEquals(contacts(3), state.nextRequests());
    state.onValue(id(3), "b", List.of());
    assertTrue(state.isDone());
    LookupResult<String> result = state.result();
    assertEquals(LookupOutcome.VALUE_QUORUM, result.outcome());
    assertEquals(List.of("a", "b"), result.values().stream().map(FoundValue::value).toList());
    assertEquals(contacts(2), result.repairCandidates());
  }

  @Test
  void nextRequests_shouldKeepOnlyTheValuesStillNeededInFlightWhenValuesArrive() {
    LookupState<String> state = lookup(20, 3, 3, contacts(1, 2, 3, 4, 5, 6));
    assertEquals(contacts(1, 2, 3), state.nextRequests());
    state.onValue(id(1), "a", List.of());
    assertEquals(List.of(), state.nextRequests(), "two in flight for two values still needed");
    state.onValue(id(2), "b", List.of());
    assertEquals(List.of(), state.nextRequests());
    state.onValue(id(3), "c", List.of());
    assertTrue(state.isDone());
    assertEquals(3, state.result().queried());
  }

  @Test
  void nextRequests_shouldAskTheNextCandidateWhenAPeerAfterAValueFailsOrHasNone() {
    LookupState<String> state = lookup(20, 3, 3, contacts(1, 2, 3, 4, 5, 6));
    state.nextRequests();
    state.onValue(id(1), "a", List.of());
    state.onTimeout(id(2));
    assertEquals(contacts(4), state.nextRequests());
    state.onResponse(id(3), List.of());
    assertEquals(contacts(5), state.nextRequests());
    state.onValue(id(4), "b", List.of());
    assertEquals(List.of(), state.nextRequests(), "one in flight for the one value needed");
    state.onValue(id(5), "c", List.of());
    assertTrue(state.isDone());
  }

  @Test
  void onSlow_shouldLetTheNextCandidateInWhenAValueIsStillNeeded() {
    LookupState<String> state = lookup(20, 3, 3, contacts(1, 2, 3, 4, 5, 6));
    state.nextRequests();
    state.onValue(id(1), "a", List.of());
    assertTrue(state.onSlow(id(2)));
    assertFalse(state.onSlow(id(2)), "already slow");
    assertEquals(contacts(4), state.nextRequests());
    assertEquals(3, state.inFlight(), "the slow request stays in flight");
    state.onValue(id(4), "b", List.of());
    assertEquals(List.of(), state.nextRequests(), "3 is still counted on for the last value");
    assertTrue(state.onValue(id(2), "c", List.of()), "a slow peer's answer counts");
    assertTrue(state.isDone());
    assertEquals(4, state.result().queried());
  }

  @Test
  void onSlow_shouldNeverPassTwiceAlphaInFlightWhenEveryRequestIsSlow() {
    LookupState<String> state = lookup(20, 3, 3, contacts(1, 2, 3, 4, 5, 6, 7, 8, 9));
    state.nextRequests();
    state.onValue(id(1), "a", List.of());
    state.onSlow(id(2));
    assertEquals(contacts(4), state.nextRequests());
    state.onSlow(id(3));
    state.onSlow(id(4));
    assertEquals(contacts(5, 6), state.nextRequests(), "two values still needed, none counted on");
    state.onSlow(id(5));
    assertEquals(contacts(7), state.nextRequests());
    state.onSlow(id(6));
    state.onSlow(id(7));
    assertEquals(List.of(), state.nextRequests(), "2 x alpha requests in flight, slow or not");
    assertEquals(6, state.inFlight());
    state.onTimeout(id(2));
    assertEquals(contacts(8), state.nextRequests());
    assertEquals(6, state.inFlight());
  }

  @Test
  void onSlow_shouldBeIgnoredWhenPeerIsNotWaiting() {
    LookupState<String> state = lookup(20, 3, 3, contacts(1, 2, 3, 4));
    state.nextRequests();
    state.onResponse(id(1), List.of());
    assertFalse(state.onSlow(id(1)), "answered");
    assertFalse(state.onSlow(id(4)), "not asked");
    assertFalse(state.onSlow(id(9)), "a stranger");
  }

  @Test
  void nextRequests_shouldKeepAlphaInFlightWhenNoValueHasArrived() {
    LookupState<String> state = lookup(20, 3, 3, contacts(1, 2, 3, 4, 5, 6));
    state.nextRequests();
    state.onResponse(id(1), List.of());
    assertEquals(contacts(4), state.nextRequests());
  }

  @Test
  void onValue_shouldConvergeWithoutQuorumWhenTooFewPeersHoldTheValue() {
    LookupState<String> state = lookup(3, 3, 2, contacts(1, 2, 3));
    state.nextRequests();
    state.onResponse(id(1), List.of());
    state.onValue(id(2), "v", List.of());
    state.onResponse(id(3), List.of());
    assertTrue(state.isDone());
    LookupResult<String> result = state.result();
    assertEquals(LookupOutcome.CONVERGED, result.outcome());
    assertEquals(1, result.values().size());
    assertEquals(contacts(1, 3), result.repairCandidates());
  }

  @Test
  void onTimeout_shouldEndOnTheReplicaSetWhenAValueIsFoundAndTheClosestReplicasHaveAnswered() {
    // Replicas 5 of k 20, quorum 3: the closest five hold the key, three of them (2, 3, 4) dead.
    LookupState<String> state =
        LookupState.findValue(TARGET, SELF, 20, 3, 3, 5, contacts(1, 2, 3, 4, 5, 6, 7, 8, 9));
    assertEquals(contacts(1, 2, 3), state.nextRequests());
    state.onValue(id(1), "a", List.of());
    state.onTimeout(id(2));
    state.onTimeout(id(3));
    assertEquals(contacts(4, 5), state.nextRequests());
    state.onTimeout(id(4));
    state.onValue(id(5), "b", List.of());
    assertEquals(contacts(6), state.nextRequests(), "one value still needed");
    state.onResponse(id(6), List.of());
    assertEquals(contacts(7), state.nextRequests());
    state.onResponse(id(7), List.of());
    assertEquals(contacts(8), state.nextRequests());
    assertFalse(state.isDone(), "8 is among the five closest non-failed: 1, 5, 6, 7, 8");
    state.onResponse(id(8), List.of());
    assertTrue(state.isDone());
    LookupResult<String> result = state.result();
    assertEquals(LookupOutcome.REPLICAS_RESPONDED, result.outcome());
    assertEquals(8, result.queried(), "9 to 20 can hold none of the key's replicas");
    assertEquals(2, result.values().size());
  }

  @Test
  void onResponse_shouldConvergeOnKWhenNoValueIsFound() {
    LookupState<String> state =
        LookupState.findValue(TARGET, SELF, 8, 3, 3, 2, contacts(1, 2, 3, 4, 5, 6, 7, 8, 9));
    for (Contact peer : state.nextRequests()) {
      state.onResponse(peer.id(), List.of());
    }
    assertFalse(state.isDone(), "with no value, the two closest answering says nothing");
    for (int round = 0; round < 3 && !state.isDone(); round++) {
      for (Contact peer : state.nextRequests()) {
        state.onResponse(peer.id(), List.of());
      }
    }
    assertEquals(LookupOutcome.CONVERGED, state.result().outcome());
    assertEquals(8, state.result().queried());
  }

  @Test
  void result_shouldListRespondedPeersWithoutValueClosestFirstWhenAValueIsFound() {
    LookupState<String> state = lookup(20, 3, 1, contacts(4, 5, 6));
    state.nextRequests();
    state.onResponse(id(5), contacts(2));
    state.onResponse(id(4), List.of());
    state.onValue(id(6), "v", contacts(1));
    LookupResult<String> result = state.result();
    assertEquals(contacts(4, 5), result.repairCandidates());
    assertEquals(contacts(4, 5, 6), result.closest());
  }

  @Test
  void result_shouldHaveNoRepairCandidatesWhenLookupIsFindNode() {
    LookupState<String> state = LookupState.findNode(TARGET, SELF, 20, 3, contacts(1));
    state.nextRequests();
    state.onResponse(id(1), List.of());
    assertEquals(List.of(), state.result().repairCandidates());
    assertEquals(List.of(), state.result().values());
  }

  @Test
  void onValue_shouldThrowWhenLookupIsFindNode() {
    LookupState<String> state = LookupState.findNode(TARGET, SELF, 20, 3, contacts(1));
    state.nextRequests();
    assertThrows(IllegalStateException.class, () -> state.onValue(id(1), "v", List.of()));
  }

  @Test
  void onValue_shouldIgnoreValueWhenSenderWasNotQueried() {
    LookupState<String> state = lookup(20, 1, 1, contacts(1, 2));
    state.nextRequests();
    assertFalse(state.onValue(id(2), "forged", List.of()));
    assertFalse(state.onValue(id(9), "forged", List.of()));
    assertFalse(state.isDone());
    assertEquals(List.of(), state.result().values());
  }

  @Test
  void onValue_shouldCountLateValueWhenPeerTimedOutAndLookupIsRunning() {
    LookupState<String> state = lookup(20, 1, 1, contacts(1, 2));
    state.nextRequests();
    state.onTimeout(id(1));
    state.nextRequests();
    assertTrue(state.onValue(id(1), "late", List.of()));
    assertTrue(state.isDone());
    assertTrue(state.result().trace().get(state.result().trace().size() - 1).late());
  }
}
