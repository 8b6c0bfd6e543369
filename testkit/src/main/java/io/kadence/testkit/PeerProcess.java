package io.kadence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running {@link PeerMain}: starting it with its output appended to its log
 * file, waiting for its ready line, and the signals that stop, kill, pause and resume it.
 * Pausing and resuming use {@code kill -STOP} and {@code kill -CONT} (Linux and macOS).
 */
final class PeerProcess {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(15);

  private final Process process;
  private final Path log;
  private final PeerLog output;
  private volatile boolean paused;

  private PeerProcess(Process process, Path log, long logStart) {
    this.process = process;
    this.log = log;
    this.output = new PeerLog(log, logStart);
  }

  /** Starts a child with command {@code line}, appending a header and its output to {@code log}. */
  static PeerProcess start(List<String> line, Path log, String header) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(log, "==== " + Instant.now() + " " + header + ": " + shown(line)
          + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      long start = Files.size(log);
      Process process = new ProcessBuilder(line).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      ChildProcesses.track(process);
      return new PeerProcess(process, log, start);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a peer JVM (" + line.get(0) + "), log "
          + log, e);
    }
  }

  /** The command line as the log shows it: without the (long) classpath. */
  private static String shown(List<String> line) {
    List<String> shown = new ArrayList<>(line);
    int cp = shown.indexOf("-cp");
    if (cp >= 0 && cp + 1 < shown.size()) {
      shown.set(cp + 1, "<classpath>");
    }
    return String.join(" ", shown);
  }

  /**
   * Waits for the ready line this run prints.
   *
   * @throws AssertionError after {@code timeout} or once the child exited, with the log's path
   *     and its last lines
   */
  PeerLine awaitReady(String who, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<PeerLine> ready = output.readyLine();
      if (ready.isPresent()) {
        return ready.get();
      }
      if (!process.isAlive()) {
        throw new AssertionError(who + " exited with status " + process.exitValue()
            + " before it served; log " + log.toAbsolutePath() + " ends with:\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(who + " did not serve within " + timeout + " (pid " + pid()
            + " still running); log " + log.toAbsolutePath() + " ends with:\n" + tail());
      }
      sleep(50);
    }
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    return output.tail();
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  boolean isPaused() {
    return paused && process.isAlive();
  }

  /** The exit status, once the child has exited. */
  Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** Sends SIGTERM (after SIGCONT, so a paused child can act on it); does not wait. */
  void terminate() {
    if (paused) {
      resume();
    }
    process.destroy();
  }

  /** Sends SIGKILL; does not wait. */
  void destroyForcibly() {
    process.destroyForcibly();
  }

  /** Sends SIGKILL and waits for the exit. */
  int kill() {
    process.destroyForcibly();
    return awaitExit(EXIT_WAIT).orElseThrow(() -> new AssertionError(
        "peer pid " + pid() + " still runs " + EXIT_WAIT + " after SIGKILL"));
  }

  /** Waits up to {@code timeout} for the exit; its status, if it exited. */
  Optional<Integer> awaitExit(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.of(process.exitValue());
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Stops the child's every thread at once (SIGSTOP), as a long GC pause or a frozen VM. */
  void pause() {
    signal("STOP");
    paused = true;
  }

  /** Lets a paused child run on (SIGCONT). */
  void resume() {
    signal("CONT");
    paused = false;
  }

  private void signal(String name) {
    if (!process.isAlive()) {
      throw new IllegalStateException("cannot send SIG" + name + " to pid " + pid()
          + ": it exited with status " + process.exitValue());
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
          .redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid() + " failed: " + output
            + " (pausing needs the kill command of Linux or macOS)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill -" + name + " " + pid()
          + " (pausing needs the kill command of Linux or macOS)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted sending SIG" + name + " to " + pid(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for a peer to start", e);
    }
  }
}
