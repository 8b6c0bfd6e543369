package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.lookup.LookupKind;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.Message;
import io.kadence.dht.wire.StoreRefusal;
import io.kadence.node.lookup.PutResult.ReplicaOutcome;
import io.kadence.node.lookup.PutResult.Status;
import io.kadence.node.lookup.PutTally.Answer;
import io.kadence.node.transport.PeerRpcException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link PutTally}: who gets a put's record, when the put is decided, and what it reports.
 * Peers c0..c9 sorted by distance to the key.
 */
class PutTallyTest {
  private static final List<NodeId> IDS = Fixtures.idsByDistance(new Random(41), 10, KEY.id());

  @Test
  void of_shouldTakeTheClosestRespondersAndSelfAsReplicasAndCountFailedClosestTowardTheQuorum() {
    AtomicInteger known = new AtomicInteger();
    PutTally tally = PutTally.of(KEY, c(9), 3,
        report(List.of(c(0), c(1), c(3), c(4), c(5)), List.of(c(2))),
        n -> {
          known.set(n);
          return 2;
        });
    assertEquals(List.of(c(0), c(1), c(3)), tally.replicaSet());
    assertEquals(List.of(c(2)), tally.unreachable(), "failed, yet among the 3 closest known");
    assertEquals(3, known.get());
    assertEquals(2, tally.quorum());
    assertEquals(3, tally.unanswered());
  }

  @Test
  void nextSpare_shouldBackLostStoresWithTheNextClosestRespondersUntilTheyRunOut() {
    PutTally tally = tally(3, List.of(c(0), c(1), c(2), c(3), c(4)), 2);
    assertEquals(Answer.NOT_STORED, tally.take(timedOut(c(0))));
    assertEquals(Optional.of(c(3)), tally.nextSpare(timedOut(c(0))));
    assertEquals(Answer.NOT_STORED, tally.take(failed(c(1))));
    assertEquals(Optional.of(c(4)), tally.nextSpare(failed(c(1))));
    assertEquals(Answer.NOT_STORED, tally.take(failed(c(3))));
    assertEquals(Optional.empty(), tally.nextSpare(failed(c(3))));
    assertEquals(Answer.SPARE_STORED, tally.take(stored(c(4))));
    assertEquals(1, tally.sparesStored());
    assertEquals(0, tally.stored(), "a spare never counts toward the quorum");
  }

  @Test
  void nextSpare_shouldSendNothingWhenAReplicaRefusedTheRecord() {
    PutTally tally = tally(3, List.of(c(0), c(1), c(2), c(3)), 2);
    ReplicaOutcome refused = PutTally.ofRefusal(c(0), Optional.of(StoreRefusal.QUOTA_EXCEEDED));
    assertEquals(Answer.NOT_STORED, tally.take(refused));
    assertEquals(Optional.empty(), tally.nextSpare(refused));
  }

  @Test
  void of_shouldMakeSelfAReplicaAndNeverASpareWhenTheLookupListedIt() {
    PutTally tally = tally(2, List.of(c(0), c(1), c(2), c(3)), 1, c(1));
    assertEquals(List.of(c(0), c(1)), tally.replicaSet());
    assertEquals(Answer.NOT_STORED, tally.take(failed(c(0))));
    assertEquals(Optional.of(c(2)), tally.nextSpare(failed(c(0))));
  }

  @Test
  void take_shouldDecideAtTheQuorumAndSettleOnceEveryStoreAnswered() {
    PutTally tally = tally(3, List.of(c(0), c(1), c(2)), 2);
    assertEquals(Answer.STORED, tally.take(stored(c(0))));
    assertFalse(tally.decided());
    assertEquals(Answer.STORED, tally.take(stored(c(2))));
    assertTrue(tally.decided());
    assertFalse(tally.settled());
    PutResult result = tally.result();
    assertTrue(result.success());
    assertEquals(2, result.stored());
    assertEquals(List.of(Status.STORED, Status.PENDING, Status.STORED), statuses(result));
    assertEquals(Answer.STORED, tally.take(stored(c(1))));
    assertTrue(tally.settled());
  }

  @Test
  void take_shouldIgnoreARepeatAndAPeerNotSentTheRecord() {
    PutTally tally = tally(3, List.of(c(0), c(1), c(2), c(3)), 2);
    assertEquals(Answer.STORED, tally.take(stored(c(0))));
    assertEquals(Answer.IGNORED, tally.take(failed(c(0))));
    assertEquals(Answer.IGNORED, tally.take(stored(c(3))), "a spare not sent the record");
    assertEquals(1, tally.stored());
    assertEquals(2, tally.unanswered());
  }

  @Test
  void decided_shouldWaitForEveryReplicaWhenTheQuorumIsOutOfReach() {
    PutTally tally = tally(3, List.of(c(0), c(1), c(2)), 3);
    tally.take(stored(c(0)));
    tally.take(failed(c(1)));
    assertFalse(tally.decided());
    tally.take(timedOut(c(2)));
    assertTrue(tally.decided());
    PutResult result = tally.result();
    assertFalse(result.success());
    assertEquals(List.of(Status.STORED, Status.FAILED, Status.TIMED_OUT), statuses(result));
  }

  @Test
  void expire_shouldMarkTheReplicasStillPendingUnanswered() {
    PutTally tally = tally(3, List.of(c(0), c(1), c(2)), 2);
    tally.take(stored(c(1)));
    tally.expire();
    PutResult result = tally.result();
    assertFalse(result.success());
    assertEquals(List.of(Status.UNANSWERED, Status.STORED, Status.UNANSWERED), statuses(result));
  }

  @Test
  void abandoned_shouldFailWithNoReplica() {
    PutTally tally = PutTally.abandoned(KEY, 5, report(List.of(), List.of()), 3);
    assertTrue(tally.decided());
    assertTrue(tally.settled());
    PutResult result = tally.result();
    assertFalse(result.success());
    assertEquals(List.of(), result.replicaSet());
    assertEquals(3, result.quorum());
  }

  @Test
  void ofReply_shouldStoreOnAnAckAndFailOnAnyOtherReply() {
    assertEquals(Status.STORED, PutTally.ofReply(c(0), Message.StoreAck.ok()).status());
    ReplicaOutcome refused =
        PutTally.ofReply(c(0), Message.StoreAck.refused(StoreRefusal.SEQUENCE_NOT_HIGHER));
    assertEquals(Status.REFUSED, refused.status());
    assertEquals(Optional.of(StoreRefusal.SEQUENCE_NOT_HIGHER), refused.refusal());
    ReplicaOutcome pong = PutTally.ofReply(c(0), new Message.Pong());
    assertEquals(Status.FAILED, pong.status());
    assertEquals("answered STORE with Pong", pong.detail());
  }

  @Test
  void ofFailure_shouldBeTimedOutOnlyWhenThePeerDidNotAnswerInTime() {
    assertEquals(Status.TIMED_OUT, timedOut(c(0)).status());
    assertEquals(Status.FAILED, PutTally.ofFailure(c(0),
        new PeerRpcException(c(0), PeerRpcException.Reason.BAD_REPLY, "bad")).status());
    assertEquals(Status.FAILED,
        PutTally.ofFailure(c(0), new IllegalStateException("disk full")).status());
  }

  /** A tally with every peer of {@code closest} answering the lookup, this node far away. */
  private static PutTally tally(int replication, List<Contact> closest, int quorum) {
    return tally(replication, closest, quorum, c(9));
  }

  private static PutTally tally(int replication, List<Contact> closest, int quorum, Contact self) {
    return PutTally.of(KEY, self, replication, report(closest, List.of()), n -> quorum);
  }

  private static LookupReport report(List<Contact> closest, List<Contact> failed) {
    LookupResult<List<SignedRecord>> result = new LookupResult<>(KEY.id(), LookupKind.FIND_NODE,
        LookupOutcome.CONVERGED, closest, List.of(), List.of(), closest.size() + failed.size(),
        failed, 1, 0, List.of());
    return new LookupReport(result, false, Duration.ofMillis(10), List.of(), 0);
  }

  private static List<Status> statuses(PutResult result) {
    return result.outcomes().stream().map(ReplicaOutcome::status).toList();
  }

  private static ReplicaOutcome stored(Contact replica) {
    return PutTally.ofRefusal(replica, Optional.empty());
  }

  private static ReplicaOutcome failed(Contact replica) {
    return PutTally.ofFailure(replica, new IllegalStateException("broken"));
  }

  private static ReplicaOutcome timedOut(Contact replica) {
    return PutTally.ofFailure(replica,
        new PeerRpcException(replica, PeerRpcException.Reason.TIMEOUT, "no reply"));
  }

  private static Contact c(int i) {
    return new Contact(IDS.get(i), "h" + i, 4000);
  }
}
