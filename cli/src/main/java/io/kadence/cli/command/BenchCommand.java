package io.kadence.cli.command;

import io.kadence.cli.ExitCodes;
import io.kadence.cli.bench.Bench;
import io.kadence.cli.bench.BenchConverters;
import io.kadence.cli.bench.BenchReport;
import io.kadence.cli.bench.BenchState;
import io.kadence.cli.bench.LocalNetDir;
import io.kadence.cli.bench.PhaseSpec;
import io.kadence.cli.bench.StderrTerminal;
import io.kadence.cli.client.Json;
import io.kadence.cli.option.HelpOption;
import io.kadence.cli.option.NodeUrlConverter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kadence bench}: the load generator (docs/CLI.md, "kadence bench"). Puts and gets keys
 * through the HTTP APIs of Kadence peers, or of OpenDHT proxy servers, in phases, and reports
 * per phase success, lost keys, latency percentiles, throughput, messages per operation, and the
 * peers' CPU and memory.
 */
@Command(name = "bench", sortOptions = false, description = {
    "Load generator: put and get keys through the peers, and measure.",
    "Reports per phase success, lost keys, latency, throughput, messages per operation and "
        + "the peers' CPU and memory.",
    "Phases: put (new keys, key i through peer i mod N), put-new (another fresh set), get (the "
        + "acknowledged keys, each through a peer other than the one that stored it). "
        + "Default: --phase put:inflight=1 --phase get:inflight=1."})
public final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Peers peers;

  /** Where the peers are: one of the two flags. */
  static final class Peers {
    @Option(names = "--peers", split = ",", paramLabel = "URL", required = true,
        converter = NodeUrlConverter.class,
        description = "The peers' HTTP base URLs, comma-separated (Kadence API, or OpenDHT "
            + "dhtnode --proxyserver).")
    List<URI> urls;

    @Option(names = "--local-net", paramLabel = "DIR", required = true,
        description = "The --dir of a running 'kadence local-net': its peers.")
    Path localNet;
  }

  @Option(names = "--system", paramLabel = "kadence|opendht", defaultValue = "kadence",
      description = "What the peers are (default: ${DEFAULT-VALUE}).")
  private String system;

  @Option(names = "--keys", paramLabel = "N", defaultValue = "500",
      description = "Keys a put phase puts (default: ${DEFAULT-VALUE}).")
  private int keys;

  @Option(names = "--value-size", paramLabel = "BYTES", defaultValue = "64",
      description = "Bytes of each random value, 1..65536 (default: ${DEFAULT-VALUE}).")
  private int valueSize;

  @Option(names = "--phase", paramLabel = "SPEC", converter = BenchConverters.Phase.class,
      description = "A phase, NAME[:inflight=N][,count=N][,duration=D] with NAME put, put-new "
          + "or get; repeat for several, run in order.")
  private List<PhaseSpec> phases = new ArrayList<>();

  @Option(names = "--state", paramLabel = "FILE",
      description = "Read the acknowledged keys of earlier runs from FILE (if it exists) and "
          + "write all of them to it at the end.")
  private Path state;

  @Option(names = "--pids", split = ",", paramLabel = "PID",
      description = "The peers' process ids: their CPU and memory are read from /proc.")
  private List<Long> pids = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = BenchConverters.Timeout.class,
      description = "Timeout of each request, e.g. 500ms, 10s, 1m (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  private boolean json;

  @Option(names = "--no-progress",
      description = "No progress bar (there is none either when stderr is not a terminal).")
  private boolean noProgress;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the keys and values (default: random); the same seed and state "
          + "file give the same keys and values.")
  private Long seed;

  @Override
  public Integer call() throws InterruptedException {
    Bench.Settings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Bench bench = new Bench(settings, err);
    BenchState loaded;
    try {
      loaded = bench.loadState();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Bench.Report report = bench.run(loaded);
    if (json) {
      out.println(Json.compact(BenchReport.json(report)));
      out.flush();
    } else {
      BenchReport.print(report, out);
    }
    return ExitCodes.OK;
  }

  private Bench.Settings settings() {
    if (!"kadence".equals(system) && !"opendht".equals(system)) {
      throw usage("--system must be kadence or opendht, got '" + system + "'");
    }
    if (keys < 1 || keys > 10_000_000) {
      throw usage("--keys must be 1..10000000, got " + keys);
    }
    if (valueSize < 1 || valueSize > 65_536) {
      throw usage("--value-size must be 1..65536 bytes, got " + valueSize);
    }
    for (long pid : pids) {
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        throw usage("--pids: no process " + pid);
      }
    }
    List<URI> urls;
    if (peers.localNet != null) {
      try {
        urls = LocalNetDir.peers(peers.localNet);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    } else {
      urls = peers.urls;
    }
    long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
    boolean progress = !noProgress && StderrTerminal.isTerminal();
    return new Bench.Settings(system, urls, keys, valueSize,
        phases.isEmpty() ? PhaseSpec.DEFAULTS : phases, state, pids, timeout, runSeed, progress);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
