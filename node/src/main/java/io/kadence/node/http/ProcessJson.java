package io.kadence.node.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code process} object of {@code GET /v1/node} (docs/HTTP-API.md): the operating-system
 * process the peer runs in, so that a load generator can report the CPU time and memory a peer
 * spent without access to its machine. Several peers in one JVM report the same process.
 *
 * @param pid the process id
 * @param cpuMs CPU time the whole process used so far (user + system, all threads), in ms, or
 *     null where the JVM cannot tell
 * @param rssBytes resident set size (VmRSS of {@code /proc/self/status}), or null where there
 *     is no such file (not Linux)
 * @param heapUsedBytes Java heap in use now
 * @param heapMaxBytes the heap's limit ({@code -Xmx}), or null if undefined
 * @param threads live Java threads
 */
record ProcessJson(long pid, Long cpuMs, Long rssBytes, long heapUsedBytes, Long heapMaxBytes,
    int threads) {
  private static final Path STATUS = Path.of("/proc/self/status");

  /** The process now. */
  static ProcessJson now() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new ProcessJson(ProcessHandle.current().pid(), readCpuMs(), readRssBytes(),
        heap.getUsed(), heap.getMax() < 0 ? null : heap.getMax(),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  private static Long readCpuMs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? null : nanos / 1_000_000;
    }
    return null;
  }

  private static Long readRssBytes() {
    try {
      return vmRssBytes(Files.readAllLines(STATUS, StandardCharsets.US_ASCII));
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** VmRSS of a {@code /proc/PID/status} text in bytes, or null if it has none. */
  static Long vmRssBytes(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        try {
          return Long.parseLong(parts[0]) * 1024;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
