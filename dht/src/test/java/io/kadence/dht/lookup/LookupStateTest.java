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

/** The FIND_NODE rules of {@link LookupState}: alpha, candidates, untrusted answers, failures. */
class LookupStateTest {
  private static final NodeId SELF = id(1_000_000);

  private static LookupState<Void> lookup(int k, int alpha, List<Contact> initial) {
    return LookupState.findNode(TARGET, SELF, k, alpha, initial);
  }

  @Test
  void nextRequests_shouldReturnAlphaClosestWhenManyCandidatesAreHeard() {
    LookupState<Void> state = lookup(20, 3, contacts(5, 1, 4, 2, 3, 6, 7));
    assertEquals(contacts(1, 2, 3), state.nextRequests());
    assertEquals(List.of(), state.nextRequests());
    assertEquals(3, state.inFlight());
    assertEquals(Optional.of(PeerState.WAITING), state.stateOf(id(1)));
    assertEquals(Optional.of(PeerState.HEARD), state.stateOf(id(4)));
  }

  @Test
  void nextRequests_shouldRefillToAlphaWhenAnAnswerFreesASlot() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2, 3, 4, 5));
    state.nextRequests();
    assertTrue(state.onResponse(id(2), List.of()));
    assertEquals(contacts(4), state.nextRequests());
    assertEquals(3, state.inFlight());
  }

  @Test
  void onSlow_shouldLetNextCandidateInWhenARequestIsSlow() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2, 3, 4, 5, 6, 7, 8));
    state.nextRequests();
    assertTrue(state.onSlow(id(1)));
    TraceEntry slow = state.result().trace().get(3);
    assertEquals(TraceEntry.Type.SLOW, slow.type());
    assertEquals(contact(1), slow.peer());
    assertEquals(contacts(4), state.nextRequests());
    assertEquals(4, state.inFlight(), "the slow request stays in flight");
    assertTrue(state.onResponse(id(1), contacts(9)), "a slow peer's answer counts");
    assertEquals(Optional.of(PeerState.RESPONDED), state.stateOf(id(1)));
    assertEquals(List.of(), state.nextRequests(), "alpha requests counted on in flight");
    state.onSlow(id(2));
    state.onSlow(id(3));
    state.onSlow(id(4));
    assertEquals(contacts(5, 6, 7), state.nextRequests());
    state.onSlow(id(5));
    assertEquals(List.of(), state.nextRequests(), "2 x alpha requests in flight, slow or not");
    state.onTimeout(id(2));
    assertEquals(contacts(8), state.nextRequests());
  }

  @Test
  void nextRequests_shouldQueryCloserPeerFirstWhenAnAnswerNamesOne() {
    LookupState<Void> state = lookup(20, 1, contacts(10, 20));
    assertEquals(contacts(10), state.nextRequests());
    state.onResponse(id(10), contacts(3));
    assertEquals(contacts(3), state.nextRequests());
  }

  @Test
  void nextRequests_shouldNotQueryBeyondKClosestWhenCloserPeersAreInFlight() {
    LookupState<Void> state = lookup(2, 3, contacts(1, 2, 3, 4, 5));
    assertEquals(contacts(1, 2), state.nextRequests());
    assertEquals(List.of(), state.nextRequests());
  }

  @Test
  void findNode_shouldNeverQuerySelfWhenSelfIsAmongInitialContacts() {
    LookupState<Void> state = LookupState.findNode(TARGET, id(1), 20, 3, contacts(1, 2, 3));
    assertEquals(contacts(2, 3), state.nextRequests());
    assertEquals(Optional.empty(), state.stateOf(id(1)));
  }

  @Test
  void onResponse_shouldSkipSelfWhenAnAnswerNamesIt() {
    LookupState<Void> state = LookupState.findNode(TARGET, id(1), 20, 1, contacts(5));
    state.nextRequests();
    state.onResponse(id(5), contacts(1, 2));
    assertEquals(contacts(2), state.nextRequests());
    assertEquals(Optional.empty(), state.stateOf(id(1)));
  }

  @Test
  void onResponse_shouldIgnoreAnswerWhenSenderIsAStranger() {
    LookupState<Void> state = lookup(20, 3, contacts(5));
    state.nextRequests();
    assertFalse(state.onResponse(id(99), contacts(1)));
    assertEquals(Optional.empty(), state.stateOf(id(1)));
    assertEquals(1, state.result().ignoredEvents());
  }

  @Test
  void onTimeout_shouldNeitherTakeNorCountASecondTimeoutOfTheSameRequest() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2, 3, 4));
    state.nextRequests();
    assertTrue(state.onTimeout(id(1)), "the owner gives the request up");
    int traced = state.result().trace().size();
    assertFalse(state.onTimeout(id(1)), "then the call's own timeout comes");
    assertEquals(0, state.result().ignoredEvents());
    assertEquals(traced, state.result().trace().size());
    assertFalse(state.onFailure(id(1)), "a failure after the timeout is ignored as before");
    assertEquals(1, state.result().ignoredEvents());
  }

  @Test
  void onResponse_shouldIgnoreAnswerWhenPeerWasHeardButNotQueried() {
    LookupState<Void> state = lookup(20, 1, contacts(1, 2));
    state.nextRequests();
    assertFalse(state.onResponse(id(2), contacts(3)));
    assertEquals(Optional.of(PeerState.HEARD), state.stateOf(id(2)));
    assertEquals(Optional.empty(), state.stateOf(id(3)));
  }

  @Test
  void onResponse_shouldIgnoreSecondAnswerWhenPeerAlreadyResponded() {
    LookupState<Void> state = lookup(20, 3, contacts(5, 6));
    state.nextRequests();
    assertTrue(state.onResponse(id(5), contacts(7)));
    assertFalse(state.onResponse(id(5), contacts(1)));
    assertEquals(Optional.empty(), state.stateOf(id(1)));
    assertEquals(1, state.inFlight());
  }

  @Test
  void onResponse_shouldConsiderAtMostKContactsWhenAnAnswerIsOversized() {
    LookupState<Void> state = lookup(3, 1, contacts(100));
    state.nextRequests();
    state.onResponse(id(100), contacts(10, 11, 12, 13, 14, 1, 2));
    assertEquals(Optional.of(PeerState.HEARD), state.stateOf(id(12)));
    assertEquals(Optional.empty(), state.stateOf(id(13)));
    assertEquals(Optional.empty(), state.stateOf(id(1)));
    TraceEntry answer = state.result().trace().get(1);
    assertEquals(3, answer.contacts());
    assertEquals(3, answer.newContacts());
  }

  @Test
  void onResponse_shouldCountRepeatsOnceWhenAnAnswerListsAContactTwice() {
    LookupState<Void> state = lookup(20, 1, contacts(100));
    state.nextRequests();
    state.onResponse(id(100), contacts(3, 3, 3, 100));
    TraceEntry answer = state.result().trace().get(1);
    assertEquals(4, answer.contacts());
    assertEquals(1, answer.newContacts());
  }

  @Test
  void onResponse_shouldKeepFirstAddressWhenAnAnswerRenamesAKnownPeer() {
    LookupState<Void> state = lookup(20, 1, contacts(5, 9));
    state.nextRequests();
    state.onResponse(id(5), List.of(new Contact(id(9), "attacker", 6666)));
    assertEquals(contacts(9), state.nextRequests());
    assertEquals("peer9", state.result().trace().get(2).peer().host());
  }

  @Test
  void onFailure_shouldFreeSlotAndLetNextCandidateInWhenAClosePeerFails() {
    LookupState<Void> state = lookup(2, 3, contacts(1, 2, 3));
    state.nextRequests();
    assertTrue(state.onFailure(id(1)));
    assertEquals(Optional.of(PeerState.FAILED), state.stateOf(id(1)));
    assertEquals(contacts(3), state.nextRequests());
  }

  @Test
  void onFailure_shouldIgnoreLaterAnswerWhenPeerFailed() {
    LookupState<Void> state = lookup(20, 3, contacts(1, 2));
    state.nextRequests();
    state.onFailure(id(1));
    assertFalse(state.onResponse(id(1), contacts(3)));
    assertFalse(state.onFailure(id(1)));
    assertFalse(state.onTimeout(id(1)));
    assertEquals(Optional.of(PeerState.FAILED), state.stateOf(id(1)));
    assertEquals(Optional.empty(), state.stateOf(id(3)));
  }

  @Test
  void onFailure_shouldBeIgnoredWhenPeerWasNotQueried() {
    LookupState<Void> state = lookup(20, 1, contacts(1, 2));
    state.nextRequests();
    assertFalse(state.onFailure(id(2)));
    assertFalse(state.onTimeout(id(77)));
    assertEquals(Optional.of(PeerState.HEARD), state.stateOf(id(2)));
  }

  @Test
  void onTimeout_shouldAcceptLateAnswerWhenLookupIsStillRunning() {
    LookupState<Void> state = lookup(20, 1, contacts(1, 2));
    state.nextRequests();
    assertTrue(state.onTimeout(id(1)));
    assertEquals(contacts(2), state.nextRequests());
    assertTrue(state.onResponse(id(1), contacts(3)));
    assertEquals(Optional.of(PeerState.RESPONDED), state.stateOf(id(1)));
    assertEquals(1, state.inFlight());
    LookupResult<Void> result = state.result();
    assertEquals(List.of(), result.failed());
    TraceEntry late = result.trace().get(3);
    assertEquals(TraceEntry.Type.RESPONSE, late.type());
    assertTrue(late.late());
  }

  @Test
  void onTimeout_shouldIgnoreLateAnswerWhenLookupIsDone() {
    LookupState<Void> state = lookup(20, 3, contacts(1));
    state.nextRequests();
    state.onTimeout(id(1));
    assertTrue(state.isDone());
    assertFalse(state.onResponse(id(1), contacts(2)));
    assertEquals(contacts(1), state.result().failed());
  }

  @Test
  void findNode_shouldRejectWhenAParameterIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> lookup(0, 3, contacts(1)));
    assertThrows(IllegalArgumentException.class, () -> lookup(20, 0, contacts(1)));
    assertThrows(IllegalArgumentException.class,
        () -> LookupState.findValue(TARGET, SELF, 20, 3, 0, 5, contacts(1)));
    assertThrows(IllegalArgumentException.class,
        () -> LookupState.findValue(TARGET, SELF, 20, 3, 3, 0, contacts(1)));
  }

  @Test
  void onResponse_shouldLearnContactWhenAnswerNamesANewPeer() {
    LookupState<Void> state = lookup(20, 3, List.of(contact(8)));
    state.nextRequests();
    state.onResponse(id(8), contacts(4));
    assertEquals(Optional.of(PeerState.HEARD), state.stateOf(id(4)));
  }
}
