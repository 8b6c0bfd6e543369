package io.kadence.node.replication;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The bookkeeping of one replication run: what is left to send and what was acknowledged. */
final class ReplicationRun {
  private final List<SignedRecord> records;
  private final Deque<ReplicationPlan.Send> queue;
  private final Map<SignedRecord, Integer> unacknowledged = new HashMap<>();
  private final Set<SignedRecord> planned = new HashSet<>();
  private final int sends;
  private final Set<NodeId> failedPeers = new HashSet<>();
  private int stored;
  private int failed;

  ReplicationRun(List<SignedRecord> records, Deque<ReplicationPlan.Send> queue) {
    this.records = records;
    this.queue = queue;
    this.sends = queue.size();
    queue.forEach(send -> {
      unacknowledged.merge(send.record(), 1, Integer::sum);
      planned.add(send.record());
    });
  }

  /** The next send, skipping (as failed) those to a peer that already failed in this run. */
  Optional<ReplicationPlan.Send> next() {
    dropSendsToFailedPeers();
    return Optional.ofNullable(queue.poll());
  }

  boolean hasMore() {
    dropSendsToFailedPeers();
    return !queue.isEmpty();
  }

  void acknowledged(ReplicationPlan.Send send) {
    stored++;
    unacknowledged.computeIfPresent(send.record(), (r, n) -> n == 1 ? null : n - 1);
  }

  /** A STORE to {@code peer} failed: the run sends it nothing more (the next run retries). */
  void failed(Contact peer) {
    failed++;
    failedPeers.add(peer.id());
  }

  private void dropSendsToFailedPeers() {
    while (!queue.isEmpty() && failedPeers.contains(queue.peek().to().id())) {
      queue.poll();
      failed++;
    }
  }

  /**
   * The run's outcome; fully replicated are the records that had at least one replica to go to
   * and every one of those acknowledged. A record with nowhere to go (a lone peer) is not: a
   * leaving peer must keep it.
   */
  Replicator.RunResult result() {
    List<SignedRecord> complete = new ArrayList<>();
    for (SignedRecord r : records) {
      if (planned.contains(r) && !unacknowledged.containsKey(r)) {
        complete.add(r);
      }
    }
    return new Replicator.RunResult(records.size(), sends, stored, failed, complete,
        Optional.empty());
  }
}
