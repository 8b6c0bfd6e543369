package io.kadence.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start a {@link MultiJvmCluster}; get one from {@link MultiJvmCluster#builder()} (or
 * from {@link KadenceClusterExtension#builder()}, which names the run after the test and closes
 * the cluster after it). Every setting has a default fit for a test on a laptop or a 2-core CI
 * machine.
 */
public final class MultiJvmClusterBuilder {
  /** Child JVM flags unless {@link #jvmFlags} replaces them: small heap, fast start. */
  public static final List<String> DEFAULT_JVM_FLAGS = List.of(
      "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  /** Where runs go unless {@link #runDir} says otherwise: Maven's build directory. */
  public static final Path DEFAULT_RUNS = Path.of("target", "kadence-peers");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  int size = 3;
  String name;
  Path runDir;
  Path dataRoot;
  Path logDir;
  List<String> jvmFlags = new ArrayList<>(DEFAULT_JVM_FLAGS);
  String config = "";
  String classpath = System.getProperty("java.class.path");
  Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  Duration readyTimeout = Duration.ofSeconds(90);
  Duration awaitTimeout = Duration.ofSeconds(60);
  Duration httpTimeout = Duration.ofSeconds(20);
  Duration stopGrace = Duration.ofSeconds(3);
  Consumer<MultiJvmCluster> onCreate = c -> {};

  MultiJvmClusterBuilder() {}

  /** How many peers to start (default 3). */
  public MultiJvmClusterBuilder size(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, got " + size);
    }
    this.size = size;
    return this;
  }

  /**
   * Names the run: its files go to {@code target/kadence-peers/<name>/}, emptied first
   * (default: the test's class and method with the extension, else {@code cluster-<time>}).
   */
  public MultiJvmClusterBuilder name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** The run's directory instead of {@code target/kadence-peers/<name>}; not emptied. */
  public MultiJvmClusterBuilder runDir(Path runDir) {
    this.runDir = Objects.requireNonNull(runDir, "runDir");
    return this;
  }

  /** Where the peers' data dirs {@code peer-<i>} go (default: {@code <run dir>/data}). */
  public MultiJvmClusterBuilder dataRoot(Path dataRoot) {
    this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
    return this;
  }

  /** Where the peers' logs {@code peer-<i>.log} go (default: the run dir). */
  public MultiJvmClusterBuilder logDir(Path logDir) {
    this.logDir = Objects.requireNonNull(logDir, "logDir");
    return this;
  }

  /** Replaces the child JVM flags ({@link #DEFAULT_JVM_FLAGS}). */
  public MultiJvmClusterBuilder jvmFlags(List<String> flags) {
    this.jvmFlags = new ArrayList<>(flags);
    return this;
  }

  /**
   * Adds child JVM flags after the current ones, e.g.
   * {@code -Dkadence.testkit.peer-log-level=DEBUG} for the peers' own debug logging.
   */
  public MultiJvmClusterBuilder addJvmFlags(String... flags) {
    this.jvmFlags.addAll(List.of(flags));
    return this;
  }

  /**
   * HOCON overrides above the testkit's settings, for every child (e.g.
   * {@code kadence.routing.k = 4}).
   */
  public MultiJvmClusterBuilder config(String hocon) {
    this.config = Objects.requireNonNull(hocon, "hocon");
    return this;
  }

  /** As {@link #config(String)}, from a parsed config. */
  public MultiJvmClusterBuilder config(Config overrides) {
    return config(overrides.root().render(ConfigRenderOptions.concise()));
  }

  /** The children's classpath (default: this JVM's, which under surefire is the test's). */
  public MultiJvmClusterBuilder classpath(String classpath) {
    this.classpath = Objects.requireNonNull(classpath, "classpath");
    return this;
  }

  /** The {@code java} launcher of the children (default: this JVM's). */
  public MultiJvmClusterBuilder java(Path java) {
    this.java = Objects.requireNonNull(java, "java");
    return this;
  }

  /** Longest wait for one child to print its ready line (default 90 s). */
  public MultiJvmClusterBuilder readyTimeout(Duration timeout) {
    this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Default wait of {@link MultiJvmCluster#awaitMembers(int)}, also at start (default 60 s). */
  public MultiJvmClusterBuilder awaitTimeout(Duration timeout) {
    this.awaitTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Timeout of one HTTP request to a peer (default 20 s: above a get's lookup timeout). */
  public MultiJvmClusterBuilder httpTimeout(Duration timeout) {
    this.httpTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * How long {@link MultiJvmCluster#close()} lets peers leave after SIGTERM before it sends
   * SIGKILL (default 3 s; zero: SIGKILL at once).
   */
  public MultiJvmClusterBuilder stopGrace(Duration grace) {
    this.stopGrace = Objects.requireNonNull(grace, "grace");
    return this;
  }

  /**
   * Starts the peers and returns once every one serves and sees all the others.
   *
   * @throws AssertionError if a peer does not start or the cluster does not form in time; every
   *     child is stopped and the message points to the peers' logs
   */
  public MultiJvmCluster start() {
    return MultiJvmCluster.start(this);
  }

  /** Called with the cluster before its peers start, so that an owner can always close it. */
  MultiJvmClusterBuilder onCreate(Consumer<MultiJvmCluster> onCreate) {
    this.onCreate = onCreate;
    return this;
  }

  /** The run dir: the one given, or {@code target/kadence-peers/<name>}. */
  Path resolvedRunDir() {
    if (runDir != null) {
      return runDir;
    }
    String run = name != null ? name
        : "cluster-" + LocalDateTime.now().format(TIMESTAMP);
    return DEFAULT_RUNS.resolve(run.replaceAll("[^A-Za-z0-9._-]", "_"));
  }
}
