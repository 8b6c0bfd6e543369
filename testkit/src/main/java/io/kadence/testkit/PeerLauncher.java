package io.kadence.testkit;

import io.kadence.node.settings.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Starts the child JVMs of one {@link MultiJvmCluster} where its builder says (data dir
 * {@code <data root>/peer-<i>}, log {@code <log dir>/peer-<i>.log}) and remembers every one it
 * started, ready or not, so that closing the cluster stops them all.
 */
final class PeerLauncher {
  private final PeerCommand command;
  private final Path dataRoot;
  private final Path logDir;
  private final Duration readyTimeout;
  private final Duration httpTimeout;
  private final HttpClient client;
  private final List<PeerProcess> processes = Collections.synchronizedList(new ArrayList<>());
  private volatile int launched;

  PeerLauncher(MultiJvmClusterBuilder spec, Path runDir) {
    this.command = new PeerCommand(spec.java, spec.classpath, spec.jvmFlags, spec.config, runDir);
    this.dataRoot = spec.dataRoot != null ? spec.dataRoot : runDir.resolve("data");
    this.logDir = spec.logDir != null ? spec.logDir : runDir;
    this.readyTimeout = spec.readyTimeout;
    this.httpTimeout = spec.httpTimeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A child started, not yet known to serve. */
  final class Pending {
    private final int index;
    private final PeerProcess process;

    private Pending(int index, PeerProcess process) {
      this.index = index;
      this.process = process;
    }

    /** Waits for its ready line; its handle. */
    RemotePeer awaitReady() {
      PeerLine ready = process.awaitReady("peer-" + index + " (pid " + process.pid() + ")",
          readyTimeout);
      return new RemotePeer(index, ready, dataDir(index), logFile(index), process,
          new PeerHttp(client, URI.create("http://" + ready.http() + "/"), httpTimeout));
    }
  }

  /**
   * Starts a run of peer {@code index} (a restart if {@code again}) that joins through
   * {@code bootstrap}, on free ports.
   */
  Pending launch(int index, List<HostPort> bootstrap, boolean again) {
    return launch(index, bootstrap, again, 0, 0);
  }

  /** As {@link #launch(int, List, boolean)}, on peer port {@code port} and {@code httpPort}. */
  Pending launch(int index, List<HostPort> bootstrap, boolean again, int port, int httpPort) {
    PeerProcess process = PeerProcess.start(
        command.line(dataDir(index), bootstrap, port, httpPort), logFile(index),
        (again ? "restart of peer-" : "start of peer-") + index);
    processes.add(process);
    launched = Math.max(launched, index + 1);
    return new Pending(index, process);
  }

  /** Every child started so far, in start order. */
  List<PeerProcess> processes() {
    return List.copyOf(processes);
  }

  /** Peers launched so far: the highest index launched, plus one. */
  int launched() {
    return launched;
  }

  Path dataDir(int index) {
    return dataRoot.resolve("peer-" + index);
  }

  Path logFile(int index) {
    return logDir.resolve("peer-" + index + ".log");
  }
}
