package io.kadence.testkit;

import java.time.Duration;
import java.util.List;

/**
 * Stops a set of child JVMs and waits until every one is gone: SIGTERM to all at once (each
 * peer leaves gracefully), SIGKILL to those still running after the grace period.
 */
final class ChildStopper {
  private static final Duration KILL_WAIT = Duration.ofSeconds(15);

  private final List<PeerProcess> processes;
  private final Duration grace;

  ChildStopper(List<PeerProcess> processes, Duration grace) {
    this.processes = List.copyOf(processes);
    this.grace = grace;
  }

  /**
   * Stops every process still alive.
   *
   * @throws IllegalStateException if one is still alive after SIGKILL (then it is the kernel's)
   */
  void stopAll() {
    List<PeerProcess> alive = processes.stream().filter(PeerProcess::isAlive).toList();
    if (!grace.isZero()) {
      for (PeerProcess p : alive) {
        terminateQuietly(p);
      }
      long deadline = System.nanoTime() + grace.toNanos();
      for (PeerProcess p : alive) {
        p.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    }
    for (PeerProcess p : alive) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    List<Long> survivors = alive.stream().filter(p -> p.awaitExit(KILL_WAIT).isEmpty())
        .map(PeerProcess::pid).toList();
    if (!survivors.isEmpty()) {
      throw new IllegalStateException("child JVMs " + survivors + " still run after SIGKILL");
    }
  }

  private static void terminateQuietly(PeerProcess p) {
    try {
      p.terminate();
    } catch (RuntimeException e) {
      // SIGCONT failed (it may have exited meanwhile); SIGKILL below still stops it
    }
  }
}
