package io.kadence.node.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.wire.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRolesTest {
  private static final List<Message> REPLIES = List.of(new Message.Pong(),
      new Message.Nodes(List.of()), new Message.Value(List.of(), List.of()),
      Message.StoreAck.ok());

  @Test
  void isRequest_shouldBeTrueOnlyWhenMessageIsOneOfTheFiveRequests() {
    for (Message request : TransportFixtures.requests()) {
      assertTrue(MessageRoles.isRequest(request), MessageRoles.nameOf(request));
    }
    for (Message reply : REPLIES) {
      assertFalse(MessageRoles.isRequest(reply), MessageRoles.nameOf(reply));
    }
    assertFalse(MessageRoles.isRequest(null));
  }

  @Test
  void answers_shouldAcceptExactlyTheProtocolReplyWhenGivenEachRequest() {
    List<Message> requests = TransportFixtures.requests();
    // Ping, FindNode, FindValue, Store, Leave -> Pong, Nodes, Value, StoreAck, Pong.
    List<Integer> expected = List.of(0, 1, 2, 3, 0);
    for (int i = 0; i < requests.size(); i++) {
      for (int r = 0; r < REPLIES.size(); r++) {
        assertEquals(expected.get(i) == r, MessageRoles.answers(requests.get(i), REPLIES.get(r)),
            MessageRoles.nameOf(requests.get(i)) + " / " + MessageRoles.nameOf(REPLIES.get(r)));
      }
      assertFalse(MessageRoles.answers(requests.get(i), null));
    }
  }

  @Test
  void replyTypeOf_shouldThrowWhenMessageIsNotARequest() {
    assertThrows(IllegalArgumentException.class, () -> MessageRoles.replyTypeOf(new Message.Pong()));
  }
}
