package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.CliException;
import io.kadence.cli.Defaults;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.format.Table;
import io.kadence.cli.format.Text;
import io.kadence.cli.localnet.ClassArchive;
import io.kadence.cli.localnet.InJvmNetwork;
import io.kadence.cli.localnet.LocalNetwork;
import io.kadence.cli.localnet.PeerLauncher;
import io.kadence.cli.localnet.PeerNetwork;
import io.kadence.cli.localnet.PeerSpec;
import io.kadence.cli.option.HelpOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jline.utils.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kadence local-net [N]}: starts N peer processes on this machine ({@link LocalNetwork}),
 * prints who is where, and opens the shell on the first; leaving the shell stops them all.
 */
@Command(name = "local-net", sortOptions = false, description = {
    "Start N peers on this machine, each in its own JVM, and open a shell on the first.",
    "Peer i listens on base+i and serves HTTP on base+80+i; its data and node.log are in "
        + "<dir>/peer-i. Leaving the shell (exit, Ctrl-D) stops them all gracefully.",
    "Peer 0 starts first; the others join through it a batch at a time (--start-batch)."})
public final class LocalNetCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  private int size = 5;

  @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "" + Defaults.PEER_PORT,
      description = "Port of peer 0 (default: ${DEFAULT-VALUE}).")
  private int basePort;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "A new or empty directory for the peers' data and logs "
          + "(default: a new temporary directory).")
  private Path dir;

  @Option(names = "--start-timeout", paramLabel = "SECONDS",
      description = "How long all peers have to start serving, in all "
          + "(default: 60 + 10 per peer).")
  private Integer startTimeout;

  @Option(names = "--start-batch", paramLabel = "K", defaultValue = "" + LocalNetwork.DEFAULT_BATCH,
      description = "Peers that start together; each batch serves, and the network settles "
          + "(peer 0 lists all as members, Up and reachable; at most 60 s), before the next "
          + "starts (default: ${DEFAULT-VALUE}).")
  private int startBatch;

  @Option(names = "--lean",
      description = "Lean peers: small heap, fewer threads and retained network buffers "
          + "(docs/BENCHMARKS.md, memory).")
  private boolean lean;

  @Option(names = "--one-jvm",
      description = "Run all peers in this JVM (an actor system each), to measure memory per "
          + "peer; their logs go to stderr.")
  private boolean oneJvm;

  @Option(names = "--no-shell",
      description = "Open no shell: keep the network until Ctrl-C (use the one-shot commands).")
  private boolean noShell;

  @Parameters(index = "0", arity = "0..1", paramLabel = "N", defaultValue = "5",
      description = "How many peers, 1.." + PeerSpec.MAX_PEERS + " (default: ${DEFAULT-VALUE}).")
  private void setSize(int n) {
    if (n < 1 || n > PeerSpec.MAX_PEERS) {
      throw new ParameterException(spec.commandLine(),
          "N must be 1.." + PeerSpec.MAX_PEERS + ", got " + n);
    }
    size = n;
  }

  @Override
  public Integer call() {
    try {
      PeerSpec.check(size, basePort);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    int timeout = startTimeout != null ? startTimeout : 60 + 10 * size;
    if (timeout < 1) {
      throw new ParameterException(spec.commandLine(),
          "--start-timeout must be at least 1 second, got " + timeout);
    }
    if (startBatch < 1 || startBatch > PeerSpec.MAX_PEERS) {
      throw new ParameterException(spec.commandLine(),
          "--start-batch must be 1.." + PeerSpec.MAX_PEERS + ", got " + startBatch);
    }
    List<PeerSpec> plan = PeerSpec.plan(size, basePort, directory());
    PrintWriter out = spec.commandLine().getOut();
    try (PeerNetwork net = start(plan, Duration.ofSeconds(timeout), out)) {
      printTable(net, out);
      if (noShell) {
        out.println("serving; Ctrl-C stops every peer");
        out.flush();
        awaitStopSignal();
      } else {
        PeerSpec first = plan.get(0);
        ShellCommand.open(first.httpUrl(), first.dataDir(), null);
      }
      out.println("stopping " + Text.count(plan.size(), "peer"));
      out.flush();
    }
    out.println("stopped; data and logs are in " + plan.get(0).dataDir().getParent());
    out.flush();
    return ExitCodes.OK;
  }

  private PeerNetwork start(List<PeerSpec> plan, Duration timeout, PrintWriter out) {
    if (oneJvm) {
      return InJvmNetwork.start(plan, lean, timeout, startBatch, out);
    }
    PeerLauncher launcher = ClassArchive.prepare(PeerLauncher.ofThisJvm().withLean(lean),
        plan.get(0).dataDir().getParent(), out);
    return LocalNetwork.start(plan, launcher, timeout, startBatch, out);
  }

  private Path directory() {
    try {
      if (dir == null) {
        return Files.createTempDirectory("kadence-local-net-");
      }
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new ParameterException(spec.commandLine(), "--dir " + dir + " is not empty; "
                + "local-net starts a new network, so give it a new or empty directory");
          }
        }
      }
      return Files.createDirectories(dir).toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void printTable(PeerNetwork net, PrintWriter out) {
    Table table = new Table("#", "NODE", "PEER", "HTTP", "DATA DIR");
    List<PeerSpec> peers = net.specs();
    List<JsonNode> infos = net.infos();
    for (int i = 0; i < peers.size(); i++) {
      PeerSpec p = peers.get(i);
      table.row(p.index(), Text.shortId(infos.get(i).path("id").asText()),
          infos.get(i).path("address").asText(), p.httpUrl(), p.dataDir());
    }
    table.print(out);
    out.flush();
  }

  /** Waits for Ctrl-C or SIGTERM, caught so that the peers are stopped and the exit is 0. */
  private static void awaitStopSignal() {
    CountDownLatch stop = new CountDownLatch(1);
    Signals.register("INT", stop::countDown);
    Signals.register("TERM", stop::countDown);
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
