package io.kadence.dht.lookup;

import static io.kadence.dht.lookup.Peers.TARGET;
import static io.kadence.dht.lookup.Peers.contacts;
import static io.kadence.dht.lookup.Peers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kadence.dht.id.NodeId;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link HedgeSchedule}: nothing due before the first answer, then everything in flight. */
class HedgeScheduleTest {
  private static final NodeId SELF = id(1_000_000);
  /** Twice the first round trip, at least 20 ns. */
  private final HedgeSchedule schedule = new HedgeSchedule(new LookupHedge(2, 20));
  private final LookupState<Void> state = LookupState.findNode(TARGET, SELF, 20, 3,
      contacts(1, 2, 3, 4, 5));

  @Test
  void answered_shouldMakeEveryOtherRequestInFlightDueWhenItIsTheFirstAnswer() {
    state.nextRequests();
    assertEquals(OptionalLong.empty(), schedule.sent(id(1), 100), "no round trip to go by yet");
    assertEquals(OptionalLong.empty(), schedule.sent(id(2), 110));
    assertEquals(OptionalLong.empty(), schedule.sent(id(3), 120));
    state.onFailure(id(3));
    state.onResponse(id(1), contacts());
    // Peer 1 answered 50 ns after its request: a request is slow 100 ns after its sending.
    assertEquals(Map.of(id(2), 210L), schedule.answered(id(1), 150, state),
        "peer 2 is still waited on; peer 3 failed, peer 1 answered");
    assertEquals(OptionalLong.of(260), schedule.sent(id(4), 160));
  }

  @Test
  void answered_shouldDueNothingWhenTheAnswerIsNotTheFirstOrIsFromAStranger() {
    state.nextRequests();
    schedule.sent(id(1), 0);
    schedule.sent(id(2), 0);
    assertEquals(Map.of(), schedule.answered(id(9), 5, state), "never asked: no yardstick");
    assertEquals(Map.of(id(2), 20L), schedule.answered(id(1), 4, state), "the minimum, 20 ns");
    assertEquals(Map.of(), schedule.answered(id(2), 30, state), "not the first answer");
  }
}
