package io.kadence.dht.lookup;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an iterative lookup found (Kademlia, section 2.3), as an immutable snapshot of a
 * {@link LookupState}. Elapsed time is not here: the state machine has no clock, and its owner
 * measures time.
 *
 * <p>Hops and rounds: every peer the lookup hears of gets a hop count, 1 for an initial contact
 * (from the local routing table) and 1 + the hop count of the peer whose answer first named it
 * otherwise (lowered if a peer with a smaller hop count names it again before it is queried).
 * It is the length of the referral chain from the local node. {@link #rounds()} is the largest
 * hop count among the peers queried, that is the number of request/response round trips that had
 * to follow one another: the lookup's latency in round trips, whatever alpha is.
 *
 * @param <V> the value type of a FIND_VALUE lookup
 * @param target the id looked up
 * @param kind FIND_NODE or FIND_VALUE
 * @param outcome why the lookup ended, or {@link LookupOutcome#UNFINISHED}
 * @param closest the (at most) k peers closest to the target that responded, closest first
 * @param values the values returned (FIND_VALUE), in the order they arrived, one per peer
 * @param repairCandidates FIND_VALUE: the peers of {@code closest} that responded without a
 *     value, closest first; the owner stores the value found on them (section 2.3: "the
 *     requester stores the pair at the closest node it observed ... that did not return the
 *     value"). Empty for FIND_NODE
 * @param queried how many peers were queried (requests sent)
 * @param failed the queried peers that failed or timed out and did not answer late, closest
 *     first
 * @param rounds the largest hop count among queried peers, 0 if none was queried
 * @param ignoredEvents events ignored: answers from peers not waited on (strangers, duplicates)
 *     and events after the lookup ended
 * @param trace every query and answer in order, for {@code lookup --trace}
 */
public record LookupResult<V>(
    NodeId target,
    LookupKind kind,
    LookupOutcome outcome,
    List<Contact> closest,
    List<FoundValue<V>> values,
    List<Contact> repairCandidates,
    int queried,
    List<Contact> failed,
    int rounds,
    int ignoredEvents,
    List<TraceEntry> trace) {

  public LookupResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    closest = List.copyOf(closest);
    values = List.copyOf(values);
    repairCandidates = List.copyOf(repairCandidates);
    failed = List.copyOf(failed);
    trace = List.copyOf(trace);
  }

  /** True once the lookup has ended (any outcome but {@link LookupOutcome#UNFINISHED}). */
  public boolean done() {
    return outcome != LookupOutcome.UNFINISHED;
  }

  /** The first value that arrived, if any (classic Kademlia with a value quorum of 1). */
  public Optional<V> firstValue() {
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).value());
  }
}
