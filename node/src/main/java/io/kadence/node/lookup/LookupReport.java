package io.kadence.node.lookup;

import io.kadence.dht.lookup.FoundValue;
import io.kadence.dht.lookup.LookupOutcome;
import io.kadence.dht.lookup.LookupResult;
import io.kadence.dht.lookup.TraceEntry;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.ReplicaSets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link LookupActor} found (Kademlia, section 2.3): the state machine's final
 * {@link LookupResult}, whether the lookup ran out of time, and the trace with the time of every
 * step, for the shell's {@code lookup --trace} and the HTTP API.
 *
 * @param result the lookup's result; its outcome is {@code UNFINISHED} if {@code timedOut}.
 *     For FIND_VALUE, each found value is the valid records one peer returned
 * @param timedOut true if the overall timeout ended the lookup: the result is partial
 * @param elapsed time from the lookup's start to its reply
 * @param trace every query and answer in order, each with its time since the start
 * @param rejectedRecords records that peers returned and the lookup dropped: invalid (forged,
 *     expired, out of limits) or for another key
 */
public record LookupReport(LookupResult<List<SignedRecord>> result, boolean timedOut,
    Duration elapsed, List<TimedEntry> trace, int rejectedRecords) {

  /** Copies the trace. */
  public LookupReport {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(elapsed, "elapsed");
    trace = List.copyOf(trace);
  }

  /**
   * One step of the trace and when it happened.
   *
   * @param entry the step as the state machine recorded it
   * @param elapsed time since the lookup started
   */
  public record TimedEntry(TraceEntry entry, Duration elapsed) {
    /** Checks the fields. */
    public TimedEntry {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(elapsed, "elapsed");
    }

    /** One line for a terminal, for instance {@code +12 ms #4 hop 2 1a2b3c4d@host:4000 failed}. */
    @Override
    public String toString() {
      return "+" + elapsed.toMillis() + " ms " + entry;
    }
  }

  /**
   * The report of a lookup whose actor stopped without replying (a bug: it never should): a
   * partial result that found nothing, so that its owner still replies once.
   */
  static LookupReport abandoned(LookupQuery query, Duration elapsed) {
    LookupResult<List<SignedRecord>> nothing = new LookupResult<>(query.target(), query.kind(),
        LookupOutcome.UNFINISHED, List.of(), List.of(), List.of(), 0, List.of(), 0, 0, List.of());
    return new LookupReport(nothing, true, elapsed, List.of(), 0);
  }

  /** The (at most k) peers closest to the target that responded, closest first. */
  public List<Contact> closest() {
    return result.closest();
  }

  /**
   * The {@code replication} nodes closest to the target that the lookup knows to exist, closest
   * first: the peers that responded, the peers that failed (a failed peer may be a replica that
   * is only cut off) and {@code self}. The replica set as far as this lookup can tell.
   */
  public List<Contact> closestKnown(Contact self, int replication) {
    List<Contact> known = new ArrayList<>(result.closest());
    known.addAll(result.failed());
    return ReplicaSets.withSelf(result.target(), self, known, replication);
  }

  /** FIND_VALUE: every valid record returned, peer by peer in the order they answered. */
  public List<SignedRecord> records() {
    List<SignedRecord> out = new ArrayList<>();
    for (FoundValue<List<SignedRecord>> found : result.values()) {
      out.addAll(found.value());
    }
    return out;
  }
}
