package io.kadence.cli.bench;

import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.HdrHistogram.Histogram;

/**
 * One {@code kadence bench} run (docs/CLI.md): reads the state file, checks that the peers
 * answer, runs the phases in order measuring each, and writes the state file.
 */
public final class Bench {
  private final Settings settings;
  private final BenchTarget target;
  private final PrintWriter err;

  /**
   * What to run.
   *
   * @param system {@code kadence} or {@code opendht}
   * @param state the state file, or null
   * @param pids the peers' process ids, or empty
   * @param progress whether to show a progress bar on stderr
   */
  public record Settings(String system, List<URI> peers, int keys, int valueSize,
      List<PhaseSpec> phases, Path state, List<Long> pids, Duration timeout, long seed,
      boolean progress) {
    /** Keeps immutable copies of the lists. */
    public Settings {
      peers = List.copyOf(peers);
      phases = List.copyOf(phases);
      pids = List.copyOf(pids);
    }
  }

  /** The outcome of a run, as printed. */
  public record Report(String system, int peers, int keys, int valueSize, long seed,
      int stateKeysBefore, List<PhaseResult> phases) {}

  /** A run of {@code settings}; notes (unreachable peers...) go to {@code err}. */
  public Bench(Settings settings, PrintWriter err) {
    this.settings = settings;
    BenchHttp http = new BenchHttp(settings.timeout());
    this.target = "opendht".equals(settings.system()) ? new OpenDhtTarget(http)
        : new KadenceTarget(http);
    this.err = err;
  }

  /**
   * Reads the state file; a bad one is a usage error.
   *
   * @throws IllegalArgumentException if it cannot be read or holds another system's keys
   */
  public BenchState loadState() {
    return settings.state() == null ? BenchState.empty(settings.system())
        : BenchState.load(settings.state(), settings.system());
  }

  /**
   * Runs every phase.
   *
   * @throws CliException with exit code 1 if no peer answers, or the state cannot be written
   */
  public Report run(BenchState state) throws InterruptedException {
    checkPeers();
    List<RecordedKey> recorded = Collections.synchronizedList(new ArrayList<>(state.keys()));
    KeyMaker keys = new KeyMaker(settings.seed(), state.runs(), settings.valueSize());
    PhaseRunner runner = new PhaseRunner(target, settings.peers(), keys,
        settings.timeout().plusSeconds(30));
    PeerMeter meter = new PeerMeter(target, settings.peers(), settings.pids(),
        settings.timeout().toMillis());
    List<PhaseResult> results = new ArrayList<>();
    for (PhaseSpec spec : settings.phases()) {
      if (!spec.kind().puts() && recorded.isEmpty()) {
        err.println("warning: phase " + spec.name() + ": no acknowledged key to get");
        err.flush();
      }
      long defaultCount = spec.kind().puts() ? settings.keys() : recorded.size();
      PeerMeter.Sample before = meter.sample();
      PhaseRunner.Run run;
      try (ProgressBar bar = progressBar(spec, defaultCount)) {
        run = runner.run(spec, recorded, defaultCount, bar);
      }
      PeerMeter.Spent spent = PeerMeter.between(before, meter.sample(), run.ops());
      results.add(result(spec, run, spent));
    }
    if (settings.state() != null) {
      saveState(new BenchState(settings.system(), state.runs() + 1, List.copyOf(recorded)));
    }
    return new Report(settings.system(), settings.peers().size(), settings.keys(),
        settings.valueSize(), settings.seed(), state.keys().size(), List.copyOf(results));
  }

  private void checkPeers() throws InterruptedException {
    List<CompletableFuture<OpResult>> probes = new ArrayList<>();
    for (URI peer : settings.peers()) {
      probes.add(target.probe(peer));
    }
    List<String> down = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      OpResult result;
      try {
        result = probes.get(i).get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        result = OpResult.failed("no answer");
      }
      if (result.outcome() != OpResult.Outcome.OK) {
        down.add(settings.peers().get(i) + " (" + result.reason() + ")");
      }
    }
    if (down.size() == settings.peers().size()) {
      throw new CliException(ExitCodes.FAILURE, "none of the " + settings.peers().size()
          + " peers answered: " + String.join(", ", down) + "; are they running?");
    }
    for (String peer : down) {
      err.println("warning: peer " + peer + " did not answer; operations through it will fail");
    }
    err.flush();
  }

  private ProgressBar progressBar(PhaseSpec spec, long defaultCount) {
    if (!settings.progress()) {
      return null;
    }
    long max = spec.count() > 0 ? spec.count() : spec.duration() != null ? -1 : defaultCount;
    return new ProgressBarBuilder().setTaskName(spec.name()).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
        .setMaxRenderedLength(100).build();
  }

  private void saveState(BenchState state) {
    try {
      state.save(settings.state());
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot write state file " + settings.state()
          + ": " + e.getMessage(), e);
    }
  }

  private static PhaseResult result(PhaseSpec spec, PhaseRunner.Run run, PeerMeter.Spent spent) {
    Histogram h = run.latencyMicros();
    boolean any = run.ops() > 0;
    double seconds = run.elapsedNanos() / 1e9;
    return new PhaseResult(spec.name(), spec.inflight(), run.ops(), run.ok(), run.failed(),
        run.lost(), any ? run.ok() / (double) run.ops() : null,
        any ? ms(h.getValueAtPercentile(50)) : null, any ? ms(h.getValueAtPercentile(95)) : null,
        any ? ms(h.getValueAtPercentile(99)) : null, any ? ms(h.getMaxValue()) : null,
        seconds > 0 ? run.ops() / seconds : 0, run.elapsedNanos() / 1_000_000,
        spent.messagesPerOp(), spent.messagesSource(), spent.cpuSeconds(), spent.rssMbPerPeer(),
        run.errors(), run.lostKeys());
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
