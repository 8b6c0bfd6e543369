package io.kadence.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What Linux's {@code /proc} tells about processes on this machine (proc(5)): CPU time from
 * {@code /proc/PID/stat}, resident memory from {@code /proc/PID/status}, and the machine's UDP
 * datagrams sent from {@code /proc/net/snmp}. Every reader returns null where the file is not
 * there or not as expected (another OS, a process gone).
 */
final class ProcFiles {
  private static final Path PROC = Path.of("/proc");
  private static volatile long clockTicks;

  private ProcFiles() {}

  /** CPU time process {@code pid} used so far, user + system ({@code utime + stime}), in ms. */
  static Long cpuMs(long pid) {
    String stat = read(PROC.resolve(pid + "/stat"));
    return stat == null ? null : cpuMsOfStat(stat, clockTicksPerSecond());
  }

  /** {@code utime + stime} of a {@code /proc/PID/stat} line in ms, or null if malformed. */
  static Long cpuMsOfStat(String stat, long ticksPerSecond) {
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return null;
    }
    String[] fields = stat.substring(close + 1).trim().split("\\s+");
    // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime fields[12].
    if (fields.length < 13) {
      return null;
    }
    try {
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / ticksPerSecond;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Resident memory of process {@code pid} ({@code VmRSS}), in bytes. */
  static Long rssBytes(long pid) {
    String status = read(PROC.resolve(pid + "/status"));
    if (status == null) {
      return null;
    }
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        try {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** UDP datagrams this machine (network namespace) sent so far ({@code Udp: OutDatagrams}). */
  static Long udpOutDatagrams() {
    String snmp = read(PROC.resolve("net/snmp"));
    return snmp == null ? null : udpOutDatagramsOf(snmp);
  }

  /** {@code OutDatagrams} of the {@code Udp:} lines of a {@code /proc/net/snmp} text. */
  static Long udpOutDatagramsOf(String snmp) {
    List<String> udp = Arrays.stream(snmp.split("\n")).filter(l -> l.startsWith("Udp:")).toList();
    if (udp.size() < 2) {
      return null;
    }
    List<String> names = Arrays.asList(udp.get(0).trim().split("\\s+"));
    String[] values = udp.get(1).trim().split("\\s+");
    int at = names.indexOf("OutDatagrams");
    if (at < 0 || at >= values.length) {
      return null;
    }
    try {
      return Long.parseLong(values[at]);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}; 100 if it cannot tell). */
  static long clockTicksPerSecond() {
    if (clockTicks == 0) {
      clockTicks = askClockTicks();
    }
    return clockTicks;
  }

  private static long askClockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true)
          .start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        return Long.parseLong(out.trim());
      }
      getconf.destroyForcibly();
    } catch (IOException | NumberFormatException e) {
      // fall back to the value of every mainstream Linux
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
