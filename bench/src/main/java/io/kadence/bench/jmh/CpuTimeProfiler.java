package io.kadence.bench.jmh;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the benchmark JVM's CPU time per operation ({@code cpu.us/op}) and the cores it kept
 * busy ({@code cpu.cores}), beside JMH's wall-clock score.
 *
 * <p>Why: this machine's two cores are shared with other builds, so wall time per operation
 * grows with the load of others while the CPU time the benchmark itself burns does not (much).
 * The CPU time is the whole process's (the benchmark thread, the JIT, the GC and, for the peer
 * benchmarks, Pekko's threads), which is what a peer pays. Use it with {@code -prof}:
 * <pre>bench/jmh -prof io.kadence.bench.jmh.CpuTimeProfiler</pre>
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuStart;
  private long wallStart;

  @Override
  public String getDescription() {
    return "process CPU time per operation and cores used (com.sun.management)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    cpuStart = os.getProcessCpuTime();
    wallStart = System.nanoTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmark,
      IterationParams iteration, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuStart;
    long wall = System.nanoTime() - wallStart;
    long ops = result.getMetadata().getMeasuredOps();
    if (cpuStart < 0 || ops <= 0 || wall <= 0) {
      return List.of(); // the platform does not report CPU time, or nothing was measured
    }
    return List.of(
        new ScalarResult("cpu.us/op", cpu / 1e3 / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.cores", (double) cpu / wall, "cores", AggregationPolicy.AVG));
  }
}
