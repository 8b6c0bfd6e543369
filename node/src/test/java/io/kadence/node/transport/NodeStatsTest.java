package io.kadence.node.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kadence.dht.wire.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStatsTest {
  @Test
  void snapshot_shouldHaveEveryKeyAtZeroWhenNothingHappened() {
    NodeStats.Snapshot snapshot = new NodeStats().snapshot();
    assertEquals(List.of("Ping", "FindNode", "FindValue", "Store", "Leave"),
        List.copyOf(snapshot.inboundRequests().keySet()));
    assertEquals(List.copyOf(snapshot.inboundRequests().keySet()),
        List.copyOf(snapshot.outboundCalls().keySet()));
    assertEquals(InboundRejection.values().length, snapshot.inboundRejections().size());
    assertEquals(PeerRpcException.Reason.values().length, snapshot.outboundFailures().size());
    assertEquals(0, snapshot.inboundRejectionTotal());
    assertEquals(0, snapshot.handlerFailures());
  }

  @Test
  void snapshot_shouldCountEachKindSeparatelyWhenEventsAreRecorded() {
    NodeStats stats = new NodeStats();
    stats.inboundRequest(new Message.Ping());
    stats.inboundRequest(new Message.Ping());
    stats.inboundRequest(new Message.Leave());
    stats.inboundRejected(InboundRejection.STALE);
    stats.inboundRejected(InboundRejection.DECODE_FAILED);
    stats.handlerFailed();
    stats.outboundCall(new Message.FindValue(io.kadence.dht.id.Key.of("k"), 1));
    stats.outboundFailed(PeerRpcException.Reason.TIMEOUT);
    NodeStats.Snapshot snapshot = stats.snapshot();
    assertEquals(2, snapshot.inboundRequests().get("Ping"));
    assertEquals(1, snapshot.inboundRequests().get("Leave"));
    assertEquals(0, snapshot.inboundRequests().get("Store"));
    assertEquals(1, snapshot.inboundRejections().get(InboundRejection.STALE));
    assertEquals(2, snapshot.inboundRejectionTotal());
    assertEquals(1, snapshot.handlerFailures());
    assertEquals(1, snapshot.outboundCalls().get("FindValue"));
    assertEquals(1, snapshot.outboundFailures().get(PeerRpcException.Reason.TIMEOUT));
    assertEquals(0, snapshot.envelopesSent());
  }

  @Test
  void envelopesSent_shouldAddRequestsAndRepliesSentWhenBothAreCounted() {
    NodeStats stats = new NodeStats();
    stats.requestSent();
    stats.requestSent();
    stats.replySent();
    NodeStats.Snapshot snapshot = stats.snapshot();
    assertEquals(2, snapshot.requestsSent());
    assertEquals(1, snapshot.repliesSent());
    assertEquals(3, snapshot.envelopesSent());
  }

  @Test
  void snapshot_shouldNotChangeWhenCountersMoveOnOrCallerTriesToEdit() {
    NodeStats stats = new NodeStats();
    NodeStats.Snapshot before = stats.snapshot();
    stats.inboundRequest(new Message.Ping());
    assertEquals(0, before.inboundRequests().get("Ping"));
    Map<String, Long> requests = before.inboundRequests();
    assertThrows(UnsupportedOperationException.class, () -> requests.put("Ping", 5L));
  }

  @Test
  void inboundRequest_shouldThrowWhenMessageIsAReply() {
    assertThrows(IllegalArgumentException.class,
        () -> new NodeStats().inboundRequest(new Message.Pong()));
  }

  @Test
  void counters_shouldLoseNoIncrementWhenUpdatedFromManyThreads() throws InterruptedException {
    NodeStats stats = new NodeStats();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          stats.inboundRejected(InboundRejection.REPLAYED);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(40_000, stats.snapshot().inboundRejections().get(InboundRejection.REPLAYED));
  }
}
