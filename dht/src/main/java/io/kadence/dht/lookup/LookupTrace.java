package io.kadence.dht.lookup;

import java.util.ArrayList;
import java.util.List;

/**
 * What one lookup saw, for its owner (the shell's {@code lookup --trace}): every query sent and
 * every answer, failure, timeout and slowness taken, in order, as {@link TraceEntry}s numbered
 * from 1, and how many events it ignored (answers from peers it was not waiting on, events after
 * it ended). No clock: the owner pairs entries with times. Owned by one {@link LookupState}.
 */
final class LookupTrace {
  private final List<TraceEntry> entries = new ArrayList<>();
  private int ignored;

  /** Appends what happened to {@code peer}; {@code contacts} and {@code added} for answers. */
  void record(TraceEntry.Type type, LookupPeer peer, int contacts, int added, boolean late) {
    entries.add(new TraceEntry(entries.size() + 1, type, peer.contact, peer.hop, contacts, added,
        late));
  }

  /** Counts one event the lookup ignored. */
  void ignore() {
    ignored++;
  }

  /** The entries so far; the live list, copied by the result. */
  List<TraceEntry> entries() {
    return entries;
  }

  int ignored() {
    return ignored;
  }
}
