package io.kadence.dht.lookup;

/**
 * The requests one lookup has in flight, and how many more it may send now (Kademlia, section
 * 2.3: the initiator "picks alpha nodes from its k closest it has not yet queried"). Its
 * {@link LookupState} decides whom to ask; this class counts the requests sent, those in flight
 * and, of those, the ones the owner reported slow ({@link LookupState#onSlow}), and says how many
 * more may go out.
 *
 * <p>The lookup keeps alpha requests in flight, not counting those reported slow, and never more
 * than 2 x alpha in all. A slow request frees its place for the next candidate, so a dead peer
 * costs the lookup a hedge delay ({@link LookupHedge}) instead of a request timeout per round;
 * the bound keeps an overloaded network, where every request is slow, from being asked ever
 * more. Owned by one {@link LookupState}; not thread-safe.
 */
final class LookupRequests {
  private final int alpha;
  private int inFlight;
  /** Of the requests in flight, those reported slow. */
  private int slowInFlight;
  private int queried;

  LookupRequests(int alpha) {
    this.alpha = alpha;
  }

  /**
   * How many more requests may be sent now: as many as keep {@code wanted} (at most alpha; fewer
   * once a FIND_VALUE has values, see {@link ValueQuorum#wanted}) in flight not counting those
   * reported slow, and no more than 2 x alpha in all. Zero or less when none may.
   */
  int room(int wanted) {
    int counted = inFlight - slowInFlight;
    int room = Math.min(alpha - counted, 2 * alpha - inFlight);
    return Math.min(room, wanted - counted);
  }

  /** A request to {@code peer} was sent: it is in flight. */
  void sent(LookupPeer peer) {
    peer.state = PeerState.WAITING;
    inFlight++;
    queried++;
  }

  /**
   * The request to {@code peer} has gone unanswered past its owner's hedge delay: it no longer
   * counts among the requests kept in flight, but stays in flight. False, and nothing changes,
   * unless {@code peer} is waiting and not already slow.
   */
  boolean slow(LookupPeer peer) {
    if (peer.state != PeerState.WAITING || peer.slow) {
      return false;
    }
    peer.slow = true;
    slowInFlight++;
    return true;
  }

  /** Takes {@code peer} out of the requests in flight (it answered, failed or timed out). */
  void landed(LookupPeer peer) {
    inFlight--;
    if (peer.slow) {
      slowInFlight--;
      peer.slow = false;
    }
  }

  /** Requests in flight: queried, not yet answered, failed or timed out. */
  int inFlight() {
    return inFlight;
  }

  /** How many requests were sent. */
  int queried() {
    return queried;
  }
}
