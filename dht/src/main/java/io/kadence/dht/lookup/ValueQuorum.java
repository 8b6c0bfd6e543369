package io.kadence.dht.lookup;

import java.util.ArrayList;
import java.util.List;

/**
 * The values one FIND_VALUE lookup has found, and what they change in its flow and its end
 * (Kademlia, section 2.3, which stops at the first value: a quorum of 1). The lookup does not
 * judge values; its owner verified each before reporting it.
 *
 * <ul>
 *   <li>Flow: once it has a value, the lookup asks no more peers than the values its quorum still
 *       needs, not counting requests reported slow ({@link LookupRequests} keeps the other
 *       bounds). The peers asked first are the closest, where a key's replicas are, so each
 *       answer is likely a value: refilling to alpha would ask more replicas than the quorum
 *       needs (10 signed envelopes per quorum read of 3 instead of 6). A request that is slow,
 *       fails, times out or is answered without a value frees its place, so a lost request or a
 *       dead replica costs a hedge delay, not a request timeout.
 *   <li>End: {@link LookupOutcome#VALUE_QUORUM} once {@code quorum} peers returned a value; with
 *       some values but fewer, {@link LookupOutcome#REPLICAS_RESPONDED} once the {@code replicas}
 *       closest non-failed peers have all responded: a key's records are kept on its
 *       {@code replicas} closest peers, so the rest of the k closest can add none the lookup
 *       needs, and asking them one by one past dead replicas took seconds. Without any value
 *       the lookup converges on the k closest like FIND_NODE, since its "not found" is only as
 *       good as its search.
 * </ul>
 *
 * <p>A FIND_NODE lookup has one too, with a quorum of 1 and k replicas; it stays empty, since
 * {@link LookupState#onValue} refuses values there, so none of these rules apply to it. Owned by
 * one {@link LookupState}; not thread-safe.
 *
 * @param <V> the value type, chosen by the owner
 */
final class ValueQuorum<V> {
  private final int quorum;
  private final int replicas;
  private final List<FoundValue<V>> values = new ArrayList<>();

  ValueQuorum(int quorum, int replicas) {
    this.quorum = quorum;
    this.replicas = replicas;
  }

  void add(FoundValue<V> value) {
    values.add(value);
  }

  /** The values found, in the order they arrived; the live list, copied by the result. */
  List<FoundValue<V>> values() {
    return values;
  }

  /**
   * How many requests, not counting those reported slow, the lookup wants in flight: alpha
   * before the first value, then as many as the quorum still needs.
   */
  int wanted(int alpha) {
    return values.isEmpty() ? alpha : quorum - values.size();
  }

  /** Why the lookup over {@code peers} ended, or {@link LookupOutcome#UNFINISHED}. */
  LookupOutcome outcome(LookupPeerSet peers, int k) {
    if (values.size() >= quorum) {
      return LookupOutcome.VALUE_QUORUM;
    }
    LookupOutcome outcome = peers.closestOutcome(k);
    if (outcome == LookupOutcome.UNFINISHED && !values.isEmpty() && replicas < k
        && peers.closestOutcome(replicas) == LookupOutcome.CONVERGED) {
      return LookupOutcome.REPLICAS_RESPONDED;
    }
    return outcome;
  }
}
