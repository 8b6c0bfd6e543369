package io.kadence.node.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.node.NodeState;
import org.junit.jupiter.api.Test;

/**
 * Which states {@code POST /v1/leave} accepts. The whole route, against a real peer, is in
 * {@link LeaveTest} and {@link NodeRoutesTest}; a second POST while a leave runs races that lone
 * peer's own fast leave, so the decision is tested here.
 */
class AdminRoutesTest {
  @Test
  void canLeave_shouldAcceptAServingNodeAndJoinALeaveThatRuns() {
    assertTrue(AdminRoutes.canLeave(NodeState.SERVING));
    assertTrue(AdminRoutes.canLeave(NodeState.LEAVING));
  }

  @Test
  void canLeave_shouldRefuseANodeThatIsNotServingYetOrHasStopped() {
    assertFalse(AdminRoutes.canLeave(NodeState.STARTING));
    assertFalse(AdminRoutes.canLeave(NodeState.JOINING));
    assertFalse(AdminRoutes.canLeave(NodeState.STOPPED));
  }
}
