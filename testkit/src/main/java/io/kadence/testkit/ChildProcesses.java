package io.kadence.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child JVM this test JVM started and that still runs, and a JVM shutdown hook that
 * kills them if the test JVM exits before the clusters that own them were closed. A test JVM
 * killed with SIGKILL runs no hooks; its children then halt by themselves ({@link PeerMain}'s
 * {@code --exit-with-parent}).
 */
final class ChildProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll,
        "kadence-testkit-child-reaper"));
  }

  private ChildProcesses() {}

  /** Tracks {@code process} until it exits. */
  static void track(Process process) {
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
  }

  /** How many tracked children still run. */
  static int live() {
    return (int) LIVE.stream().filter(Process::isAlive).count();
  }

  private static void killAll() {
    for (Process p : LIVE) {
      p.destroyForcibly();
    }
  }
}
