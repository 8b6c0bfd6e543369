package io.kadence.dht.lookup;

import static io.kadence.dht.lookup.Peers.TARGET;
import static io.kadence.dht.lookup.Peers.contacts;
import static io.kadence.dht.lookup.Peers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.HedgeSchedule.Due;
import io.kadence.dht.lookup.HedgeSchedule.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HedgeSchedule}: nothing due before the first answer (but the give-up by a prior round
 * trip, if there is one), then everything in flight by the first answer's round trip.
 */
class HedgeScheduleTest {
  private static final NodeId SELF = id(1_000_000);
  /** Slow after twice the first round trip, at least 20 ns; given up after 5 times, 40 ns. */
  private final HedgeSchedule schedule = new HedgeSchedule(new LookupHedge(2, 20, 5, 40));
  private final LookupState<Void> state = LookupState.findNode(TARGET, SELF, 20, 3,
      contacts(1, 2, 3, 4, 5));

  @Test
  void answered_shouldMakeEveryOtherRequestInFlightDueWhenItIsTheFirstAnswer() {
    state.nextRequests();
    assertEquals(List.of(), schedule.sent(id(1), 100), "no round trip to go by yet");
    assertEquals(List.of(), schedule.sent(id(2), 110));
    assertEquals(List.of(), schedule.sent(id(3), 120));
    state.onFailure(id(3));
    state.onResponse(id(1), contacts());
    // Peer 1 answered 50 ns after its request: a request is slow 100 ns after its sending and
    // given up 250 ns after it.
    assertEquals(List.of(new Due(id(2), 210, Stage.SLOW), new Due(id(2), 360, Stage.GIVE_UP)),
        schedule.answered(id(1), 150, state),
        "peer 2 is still waited on; peer 3 failed, peer 1 answered");
    assertEquals(List.of(new Due(id(4), 260, Stage.SLOW), new Due(id(4), 410, Stage.GIVE_UP)),
        schedule.sent(id(4), 160));
  }

  @Test
  void answered_shouldDueNothingWhenTheAnswerIsNotTheFirstOrIsFromAStranger() {
    state.nextRequests();
    schedule.sent(id(1), 0);
    schedule.sent(id(2), 0);
    assertEquals(List.of(), schedule.answered(id(9), 5, state), "never asked: no yardstick");
    assertEquals(List.of(new Due(id(2), 20, Stage.SLOW), new Due(id(2), 40, Stage.GIVE_UP)),
        schedule.answered(id(1), 4, state), "the minimums, 20 and 40 ns");
    assertEquals(List.of(), schedule.answered(id(2), 30, state), "not the first answer");
  }

  @Test
  void sent_shouldGiveUpByThePriorRoundTripUntilTheFirstAnswerReplacesIt() {
    HedgeSchedule prior = new HedgeSchedule(new LookupHedge(2, 20, 5, 40), 30);
    state.nextRequests();
    Due giveUp1 = new Due(id(1), 250, Stage.GIVE_UP);
    Due giveUp2 = new Due(id(2), 260, Stage.GIVE_UP);
    assertEquals(List.of(giveUp1), prior.sent(id(1), 100),
        "given up after 5 x 30 ns; never slow before an answer of this lookup");
    assertEquals(List.of(giveUp2), prior.sent(id(2), 110));
    assertTrue(prior.isCurrent(giveUp1));
    assertEquals(-1, prior.firstAnswerNanos());
    state.onResponse(id(1), contacts());
    // Peer 1 answered after 10 ns: the yardstick is now 10 ns (slow at the minimum of 20 ns,
    // given up after 5 x 10 ns).
    assertEquals(List.of(new Due(id(2), 130, Stage.SLOW), new Due(id(2), 160, Stage.GIVE_UP)),
        prior.answered(id(1), 110, state));
    assertEquals(10, prior.firstAnswerNanos());
    assertFalse(prior.isCurrent(giveUp2), "the prior's due is replaced");
    assertTrue(prior.isCurrent(new Due(id(2), 160, Stage.GIVE_UP)));
    assertFalse(prior.isCurrent(new Due(id(7), 160, Stage.GIVE_UP)), "never sent");
  }

  @Test
  void isCurrent_shouldBeFalseBeforeAnyYardstick() {
    state.nextRequests();
    schedule.sent(id(1), 0);
    assertFalse(schedule.isCurrent(new Due(id(1), 20, Stage.SLOW)));
  }
}
