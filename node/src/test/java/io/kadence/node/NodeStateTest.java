package io.kadence.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which states accept a leave, the rule the guardian and {@code POST /v1/leave} share. The
 * guardian's join of a second leave is in PeerChurnTest, the HTTP route against a real peer in
 * LeaveTest and NodeRoutesTest; a second POST while a leave runs races that lone peer's own
 * fast leave, so the rule is tested here.
 */
class NodeStateTest {
  @Test
  void acceptsLeave_shouldAcceptAServingNodeAndJoinALeaveThatRuns() {
    assertTrue(NodeState.SERVING.acceptsLeave());
    assertTrue(NodeState.LEAVING.acceptsLeave());
  }

  @Test
  void acceptsLeave_shouldRefuseANodeThatIsNotServingYetOrHasStopped() {
    assertFalse(NodeState.STARTING.acceptsLeave());
    assertFalse(NodeState.JOINING.acceptsLeave());
    assertFalse(NodeState.STOPPED.acceptsLeave());
  }
}
