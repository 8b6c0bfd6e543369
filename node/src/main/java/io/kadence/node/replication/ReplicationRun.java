package io.kadence.node.replication;

import io.kadence.dht.record.SignedRecord;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bookkeeping of one replication run: what is left to send and what was acknowledged. */
final class ReplicationRun {
  private final List<SignedRecord> records;
  private final Deque<ReplicationPlan.Send> queue;
  private final Map<SignedRecord, Integer> unacknowledged = new HashMap<>();
  private final java.util.Set<SignedRecord> planned = new java.util.HashSet<>();
  private final int sends;
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

  Optional<ReplicationPlan.Send> next() {
    return Optional.ofNullable(queue.poll());
  }

  boolean hasMore() {
    return !queue.isEmpty();
  }

  void acknowledged(ReplicationPlan.Send send) {
    stored++;
    unacknowledged.computeIfPresent(send.record(), (r, n) -> n == 1 ? null : n - 1);
  }

  void failed() {
    failed++;
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
