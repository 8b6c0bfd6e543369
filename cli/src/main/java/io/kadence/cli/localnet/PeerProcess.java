package io.kadence.cli.localnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.client.AdminToken;
import io.kadence.cli.client.NodeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running peer process of a local network: waits until it serves, asks it to leave through
 * its HTTP API, and stops it by force if it will not.
 */
public final class PeerProcess {
  private static final Duration POLL = Duration.ofMillis(250);

  private final PeerSpec spec;
  private final Process process;
  private final NodeClient client;

  /** Wraps a started peer process. */
  public PeerProcess(PeerSpec spec, Process process) {
    this.spec = spec;
    this.process = process;
    this.client = new NodeClient(spec.httpUrl(), Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  /** What this peer was started as. */
  public PeerSpec spec() {
    return spec;
  }

  /** The operating system's process. */
  public Process process() {
    return process;
  }

  /**
   * Polls {@code GET /v1/node} until the peer says {@code "state": "SERVING"}, and returns that
   * reply.
   *
   * @throws CliException if the process exits first (with the last error of its log), or
   *     {@link NotServingException} if the deadline passes
   */
  public JsonNode awaitServing(Instant deadline) {
    String lastState = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new CliException(ExitCodes.FAILURE, "peer " + spec.index() + " exited with code "
            + process.exitValue() + ": " + lastError() + " (log: " + spec.logFile() + ")");
      }
      try {
        JsonNode info = client.get("/v1/node");
        if ("SERVING".equals(info.path("state").asText())) {
          return info;
        }
        lastState = info.path("state").asText("?");
      } catch (CliException e) {
        // not listening yet, or still starting: ask again
      }
      sleep(POLL);
    }
    throw new NotServingException("peer " + spec.index() + " did not serve at "
        + spec.httpUrl() + " in time (last state: " + lastState + "; last log line: "
        + lastLine() + "; log: " + spec.logFile() + ")");
  }

  /** A peer that is still running but did not serve by the deadline. */
  public static final class NotServingException extends CliException {
    private static final long serialVersionUID = 1L;

    NotServingException(String message) {
      super(ExitCodes.FAILURE, message);
    }
  }

  /**
   * Polls {@code GET /v1/members} until the peer lists {@code members} members, every one
   * {@code Up} and reachable, or until {@code until}; returns whether it did, and what it last
   * saw in {@code last} ("no answer" if nothing). A member is {@code Up} only once the cluster's
   * gossip has converged on it (members still joining are {@code Joining} or {@code WeaklyUp}).
   */
  public boolean awaitSettled(int members, Instant until, StringBuilder last) {
    while (true) {
      try {
        int listed = 0;
        int up = 0;
        int unreachable = 0;
        for (JsonNode member : client.get("/v1/members").path("members")) {
          listed++;
          up += "Up".equals(member.path("status").asText()) ? 1 : 0;
          unreachable += member.path("reachable").asBoolean(false) ? 0 : 1;
        }
        last.setLength(0);
        last.append(listed).append(" members, ").append(up).append(" up, ").append(unreachable)
            .append(" unreachable");
        if (listed == members && up == members && unreachable == 0) {
          return true;
        }
      } catch (CliException e) {
        last.setLength(0);
        last.append("no answer (").append(e.getMessage()).append(')');
      }
      if (!Instant.now().plus(POLL).isBefore(until)) {
        return false;
      }
      sleep(POLL);
    }
  }

  /** Asks the peer to leave gracefully; false if it could not be asked (then use {@link #stop}). */
  public boolean requestLeave() {
    if (!process.isAlive()) {
      return true;
    }
    try {
      client.postAdmin("/v1/leave", AdminToken.read(spec.adminTokenFile()));
      return true;
    } catch (CliException e) {
      return false;
    }
  }

  /** Waits up to {@code bound} for the process to exit; true if it did. */
  public boolean awaitExit(Duration bound) {
    try {
      return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /**
   * Stops the process: SIGTERM (the peer leaves gracefully, {@code kadence node}'s own
   * handling), then after {@code grace} a kill.
   */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!awaitExit(grace)) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(5));
    }
  }

  /** The last {@code error:} line of the log, else its last WARN or ERROR line, else its last. */
  private String lastError() {
    try {
      List<String> lines = Files.readAllLines(spec.logFile());
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith("error:")) {
          return lines.get(i).substring("error:".length()).strip();
        }
      }
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).contains(" WARN ") || lines.get(i).contains(" ERROR ")) {
          return lines.get(lines.size() - 1).strip() + "; before that: " + lines.get(i).strip();
        }
      }
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "its log cannot be read (" + e.getMessage() + ")";
    }
  }

  private String lastLine() {
    try {
      List<String> lines = Files.readAllLines(spec.logFile());
      return lines.isEmpty() ? "none" : "'" + lines.get(lines.size() - 1).strip() + "'";
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILURE, "interrupted", e);
    }
  }
}
