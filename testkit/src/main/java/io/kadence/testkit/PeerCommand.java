package io.kadence.testkit;

import io.kadence.node.settings.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a {@link MultiJvmCluster} launches a child peer: {@code java <flags> -cp <classpath>
 * io.kadence.testkit.PeerMain <peer arguments>}. The classpath is the test's own by default;
 * a classpath too long for one command-line argument (Linux allows 128 KiB) goes through a
 * Java argument file instead.
 *
 * @param java the {@code java} launcher
 * @param classpath the child's classpath
 * @param jvmFlags flags before the main class, e.g. {@code -Xmx256m}
 * @param config HOCON overrides above the testkit's settings, given to every child
 * @param workDir where an argument file may be written
 */
record PeerCommand(Path java, String classpath, List<String> jvmFlags, String config,
    Path workDir) {
  /** Logback configuration of the children (a classpath resource), unless the flags set one. */
  static final String LOGBACK = "kadence-testkit-peer-logback.xml";
  private static final int MAX_ARGUMENT = 100_000;

  PeerCommand {
    jvmFlags = List.copyOf(jvmFlags);
  }

  /** The command line of a peer with {@code dataDir} that joins through {@code bootstrap}. */
  List<String> line(Path dataDir, List<HostPort> bootstrap) {
    return line(dataDir, bootstrap, 0, 0);
  }

  /**
   * As {@link #line(Path, List)}, listening on peer port {@code port} and HTTP port
   * {@code httpPort} (0: a free one).
   */
  List<String> line(Path dataDir, List<HostPort> bootstrap, int port, int httpPort) {
    List<String> line = new ArrayList<>();
    line.add(java.toString());
    line.addAll(jvmFlags);
    if (jvmFlags.stream().noneMatch(f -> f.startsWith("-Dlogback.configurationFile="))) {
      line.add("-Dlogback.configurationFile=" + LOGBACK);
    }
    line.addAll(classpathArguments());
    line.add(PeerMain.class.getName());
    line.add("--data-dir");
    line.add(dataDir.toAbsolutePath().toString());
    if (!bootstrap.isEmpty()) {
      line.add("--bootstrap");
      line.add(bootstrap.stream().map(HostPort::toString).collect(Collectors.joining(",")));
    }
    if (port != 0) {
      line.add("--port");
      line.add(Integer.toString(port));
    }
    if (httpPort != 0) {
      line.add("--http-port");
      line.add(Integer.toString(httpPort));
    }
    if (!config.isBlank()) {
      line.add("--config-string");
      line.add(config);
    }
    line.add("--exit-with-parent");
    line.add(Long.toString(ProcessHandle.current().pid()));
    return line;
  }

  private List<String> classpathArguments() {
    if (classpath.length() < MAX_ARGUMENT) {
      return List.of("-cp", classpath);
    }
    Path file = workDir.resolve("classpath.args");
    String quoted = "\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    try {
      Files.createDirectories(workDir);
      Files.writeString(file, "-cp " + quoted + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the child classpath to " + file, e);
    }
    return List.of("@" + file.toAbsolutePath());
  }
}
