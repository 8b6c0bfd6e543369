package io.kadence.node.transport;

import io.kadence.dht.routing.Contact;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@link PeerEvents} that remembers what it heard, for assertions from the test thread. */
final class RecordingEvents implements PeerEvents {
  /** A failure event. */
  record Failure(Contact peer, PeerRpcException.Reason reason) {}

  final BlockingQueue<Contact> verified = new LinkedBlockingQueue<>();
  final BlockingQueue<Failure> failed = new LinkedBlockingQueue<>();

  @Override
  public void verified(Contact peer) {
    verified.add(peer);
  }

  @Override
  public void failed(Contact peer, PeerRpcException.Reason reason) {
    failed.add(new Failure(peer, reason));
  }

  Contact nextVerified() throws InterruptedException {
    return poll(verified, TransportFixtures.PATIENCE);
  }

  Failure nextFailure() throws InterruptedException {
    return poll(failed, TransportFixtures.PATIENCE);
  }

  private static <T> T poll(BlockingQueue<T> queue, Duration patience) throws InterruptedException {
    T next = queue.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    if (next == null) {
      throw new AssertionError("no event within " + patience);
    }
    return next;
  }
}
