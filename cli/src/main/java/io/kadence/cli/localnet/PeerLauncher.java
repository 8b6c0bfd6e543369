package io.kadence.cli.localnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts peers as child JVMs running {@code io.kadence.cli.Main node ...} with this JVM's java
 * and class path, small heaps and the serial collector, output to the peer's {@code node.log}.
 * The peers run C1 only ({@code -XX:TieredStopAtLevel=1}). C2's code is faster (an envelope
 * signature takes 29 us against 82), but N peers on one machine each see 1/N of its load, and
 * every JVM compiles the same code: 16 peers spent 75 ms of CPU per get in their first thousand
 * gets with C2 (the compilers busy for 176 s) and still 31 ms in the fourth, against 27 and 20
 * ms with C1 only (docs/BENCHMARKS.md, "The JIT of a local network's peers"). And C1 compiles a
 * method after a tenth of the calls it would otherwise wait for
 * ({@code -XX:CompileThresholdScaling=0.1}): a peer of 16 sees a sixteenth of the gets, so much of
 * its request path still ran in the interpreter after a warm-up of a thousand; with it, 16
 * peers spent about 45% less CPU per get ("C1 sooner"). A peer with a machine of its own
 * ({@code kadence node}) keeps the full JIT and its thresholds.
 *
 * <p>A lean launcher ({@code local-net --lean}) gives each peer a smaller heap that is handed
 * back to the system when unused, one JIT thread and small stacks, and runs {@code node --lean}
 * (fewer threads, fewer retained Artery buffers: {@code kadence-lean.conf}); measured in
 * docs/BENCHMARKS.md, "Memory per peer, and a lean peer". A lean peer keeps C1 only: it trades
 * CPU per signature for the memory of C2's compiler and code.
 *
 * <p>With a class-data archive ({@link ClassArchive}: the classes a peer loads, parsed and
 * verified once, mapped by every peer) a peer starts on about 40% less CPU and its JVMs share
 * those pages.
 *
 * @param java the java executable
 * @param classPath the class path of the children (passed as {@code CLASSPATH}, which keeps
 *     process listings short)
 * @param lean whether the peers run lean
 * @param classArchive the peers' class-data archive ({@code -XX:SharedArchiveFile}), or null
 */
public record PeerLauncher(String java, String classPath, boolean lean, Path classArchive) {
  /** JVM flags of every peer process. */
  public static final List<String> JVM_FLAGS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-XX:CompileThresholdScaling=0.1");
  /** JVM flags of a lean peer process. */
  public static final List<String> LEAN_JVM_FLAGS = List.of("-Xms16m", "-Xmx128m",
      "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "-XX:CICompilerCount=1",
      "-XX:ReservedCodeCacheSize=32m", "-Xss512k");
  /** The main class the peers run. */
  public static final String MAIN = "io.kadence.cli.Main";

  /** A launcher with this JVM's java executable and class path. */
  public static PeerLauncher ofThisJvm() {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new PeerLauncher(java, System.getProperty("java.class.path"), false, null);
  }

  /** The same launcher, lean or not. */
  public PeerLauncher withLean(boolean lean) {
    return new PeerLauncher(java, classPath, lean, classArchive);
  }

  /** The same launcher, its peers mapping {@code archive} (null: none). */
  public PeerLauncher withClassArchive(Path archive) {
    return new PeerLauncher(java, classPath, lean, archive);
  }

  /** The JVM flags of a peer, the class-data archive's included. */
  public List<String> jvmFlags() {
    List<String> flags = new ArrayList<>(lean ? LEAN_JVM_FLAGS : JVM_FLAGS);
    if (classArchive != null) {
      flags.add("-XX:SharedArchiveFile=" + classArchive);
    }
    return flags;
  }

  /** The command line of a peer: java, flags, main class, node arguments, its manager. */
  public List<String> command(PeerSpec peer) {
    return command(peer, List.of());
  }

  /** The command line of a peer with {@code extraFlags} after the launcher's JVM flags. */
  List<String> command(PeerSpec peer, List<String> extraFlags) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmFlags());
    command.addAll(extraFlags);
    command.add(MAIN);
    command.addAll(peer.nodeArguments());
    if (lean) {
      command.add("--lean");
    }
    command.add("--managed-by");
    command.add(Long.toString(ProcessHandle.current().pid()));
    return command;
  }

  /** Starts the peer process; its data dir is created first, its log appended to. */
  public Process start(PeerSpec peer) throws IOException {
    return start(peer, List.of());
  }

  /** Starts the peer process with {@code extraFlags} after the launcher's JVM flags. */
  Process start(PeerSpec peer, List<String> extraFlags) throws IOException {
    Files.createDirectories(peer.dataDir());
    ProcessBuilder builder = new ProcessBuilder(command(peer, extraFlags))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(peer.logFile().toFile()));
    builder.environment().put("CLASSPATH", classPath);
    builder.environment().put("KADENCE_PEKKO_LOG_LEVEL", "INFO");
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }
}
