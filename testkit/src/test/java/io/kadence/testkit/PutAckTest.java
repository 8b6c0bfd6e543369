package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PutAckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void describe_shouldGiveTheReplicaCountWhenThePutReachedTheReplicas() throws Exception {
    PutAck ok = PutAck.of(200, JSON.readTree("{\"success\":true,\"stored\":3,\"quorum\":2}"));
    assertEquals("stored 3 of quorum 2", ok.describe());
    PutAck short1 = PutAck.of(503, JSON.readTree("{\"error\":\"quorum_not_reached\","
        + "\"message\":\"stored on 1 of 2\",\"detail\":{\"success\":false,\"stored\":1,"
        + "\"quorum\":2}}"));
    assertEquals("quorum not reached: stored 1 of quorum 2", short1.describe());
  }

  @Test
  void describe_shouldGiveTheErrorWhenThePeerAnsweredWithoutReplicas() throws Exception {
    PutAck leaving = PutAck.of(503, JSON.readTree(
        "{\"error\":\"not_serving\",\"message\":\"node is leaving, not serving\"}"));
    assertEquals("not_serving: node is leaving, not serving", leaving.describe());
  }
}
