package io.kadence.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.node.settings.RoutingSettings;
import io.kadence.node.transport.PeerRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class LivenessTest {
  private static final Duration MIN = Duration.ofMillis(50);
  private static final Duration MAX = Duration.ofMillis(200);
  private static final RoutingSettings SETTINGS = new RoutingSettings(20, 2, Duration.ofHours(1),
      Duration.ofSeconds(1), 3, Duration.ofSeconds(1), MIN, MAX, 2, Duration.ZERO);

  private final Random random = new Random(5);
  private final Contact peer = new Contact(NodeId.random(random), "127.0.0.1", 4000);
  private final NodeId id = peer.id();
  private final Rpc rpc = new Rpc();
  private final Liveness liveness = new Liveness(SETTINGS, rpc);

  /** Records each call; no call is ever answered. */
  private static final class Rpc implements PeerRpc {
    final List<Message> sent = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();

    @Override
    public CompletionStage<Message> call(Contact to, Message request, Duration timeout) {
      sent.add(request);
      timeouts.add(timeout);
      return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<Contact> identify(String host, int port, Duration timeout) {
      throw new UnsupportedOperationException("liveness never identifies");
    }
  }

  @Test
  void callFailed_shouldReachMaxFailuresOnlyWhenThatManyCallsFailInARow() {
    assertFalse(liveness.callFailed(id));
    assertFalse(liveness.callFailed(id));
    liveness.verified(id);
    assertFalse(liveness.callFailed(id));
    assertFalse(liveness.callFailed(id));

    assertTrue(liveness.callFailed(id));
  }

  @Test
  void evicted_shouldStartTheFailedCallsOverWhenTheContactLeavesTheTable() {
    liveness.callFailed(id);
    liveness.callFailed(id);
    liveness.evicted(id);

    assertFalse(liveness.callFailed(id));
  }

  @Test
  void ping_shouldSendOnePingAtATimeWhenOneIsOut() {
    assertTrue(liveness.ping(peer).isPresent());
    assertTrue(liveness.ping(peer).isEmpty());
    assertEquals(1, rpc.sent.size());
    assertTrue(rpc.sent.get(0) instanceof Message.Ping);
    assertEquals(List.of(SETTINGS.pingTimeout()), rpc.timeouts);

    assertTrue(liveness.pingAnswered(id, false));
    assertTrue(liveness.ping(peer).isPresent());
  }

  @Test
  void pingAnswered_shouldNotBeCurrentWhenMembershipGaveUpWhileThePingWasOut() {
    liveness.ping(peer);
    liveness.givenUp(id);

    assertFalse(liveness.pingAnswered(id, false));
    assertTrue(liveness.ping(peer).isPresent(), "a new ping may go out");
  }

  @Test
  void reprobeDelay_shouldDoubleAndGiveUpAfterTheAttemptsWhenThePeerNeverAnswers() {
    assertEquals(Optional.of(MIN), liveness.reprobeDelay(id));
    assertEquals(Optional.of(MIN.multipliedBy(2)), liveness.reprobeDelay(id));

    assertEquals(Optional.empty(), liveness.reprobeDelay(id));
    assertFalse(liveness.reprobeDue(id, false), "given up until membership reports it");
  }

  @Test
  void pingAnswered_shouldStartTheBackoffOverWhenThePeerAnswers() {
    liveness.reprobeDelay(id);
    liveness.ping(peer);

    assertTrue(liveness.pingAnswered(id, true));
    assertFalse(liveness.reprobeDue(id, false));
    assertEquals(Optional.of(MIN), liveness.reprobeDelay(id));
  }

  @Test
  void reprobeDue_shouldPingWhileBackingOffUnlessThePeerIsBackInTheTable() {
    liveness.reprobeDelay(id);
    assertTrue(liveness.reprobeDue(id, false));

    assertFalse(liveness.reprobeDue(id, true));
    assertFalse(liveness.reprobeDue(id, false), "back in the table: its backoff is forgotten");
  }

  @Test
  void probed_shouldStartTheBackoffOverWhenMembershipReportsThePeer() {
    liveness.reprobeDelay(id);
    liveness.reprobeDelay(id);
    liveness.probed(id);

    assertEquals(Optional.of(MIN), liveness.reprobeDelay(id));
  }
}
