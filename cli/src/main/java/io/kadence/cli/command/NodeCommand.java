package io.kadence.cli.command;

import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.node.ForegroundPeer;
import io.kadence.cli.node.HttpAddress;
import io.kadence.cli.node.NodeConfig;
import io.kadence.cli.option.HelpOption;
import io.kadence.cli.option.HostPortConverter;
import io.kadence.cli.option.PortConverter;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NetworkSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kadence node}: runs one peer in the foreground (DESIGN.md, "Inside one peer") until
 * Ctrl-C or SIGTERM, which make it leave gracefully. Settings: reference.conf, then the
 * {@code --config} file, then the flags.
 */
@Command(name = "node", description = {"Run a peer in the foreground.",
    "Ctrl-C or SIGTERM: it leaves gracefully (hands its records on) and exits 0."})
public final class NodeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Interface for peer traffic, also the address other peers dial "
          + "(default: 127.0.0.1, kadence.node.host).")
  private String host;

  @Option(names = "--port", paramLabel = "PORT", converter = PortConverter.class,
      description = "Port for peer traffic; 0 picks one (default: 7400, kadence.node.port).")
  private Integer port;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", split = ",",
      converter = HostPortConverter.class,
      description = "Peers to join through, comma-separated. None: rejoin through the "
          + "contacts saved by the last run, or start a new network.")
  private List<HostPort> bootstrap;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Identity key, journal, saved contacts, admin token "
          + "(default: ./kadence-data, kadence.node.data-dir).")
  private Path dataDir;

  @Option(names = "--http-port", paramLabel = "PORT", converter = PortConverter.class,
      description = "Port of the HTTP API on kadence.http.host; 0 picks one (default: 7480).")
  private Integer httpPort;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A HOCON file of kadence { ... } and pekko { ... } settings; "
          + "flags override it.")
  private Path configFile;

  @Option(names = "--lean",
      description = "Run lean: fewer threads and retained network buffers (kadence-lean.conf, "
          + "below --config); for many peers on one machine. Pair it with small JVM flags, "
          + "e.g. KADENCE_JAVA_OPTS=\"-Xmx128m -XX:+UseSerialGC\".")
  private boolean lean;

  @Option(names = "--managed-by", paramLabel = "PID", hidden = true,
      description = "Run under local-net: ignore SIGINT, leave when process PID exits.")
  private Long managerPid;

  @Override
  public Integer call() {
    NodeConfig config = NodeConfig.load(configFile, flags(), lean);
    // Start logging before the actor system's threads do, or SLF4J replays their first calls
    // with a warning.
    LoggerFactory.getILoggerFactory();
    NetworkSettings network = config.settings().network();
    PrintWriter out = spec.commandLine().getOut();
    ProcessHandle manager = manager();
    if (manager != null) {
      ForegroundPeer.ignoreInterrupts();
    }
    out.printf("starting a peer on %s:%d (data dir %s)%n", network.host(), network.port(),
        network.dataDir().toAbsolutePath().normalize());
    out.flush();
    KadenceNode node;
    try {
      node = KadenceNode.start(config.settings(), config.user());
    } catch (KadenceException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    }
    out.println("node     " + node.id().toHex());
    out.println("peer     " + node.address());
    out.println("http     " + HttpAddress.of(node));
    out.println("data dir " + node.dataDir());
    out.println(manager == null ? "serving; Ctrl-C leaves the network gracefully"
        : "serving; managed by process " + manager.pid());
    out.flush();
    return ForegroundPeer.run(node, out, manager);
  }

  /** The flags given, as the config paths they override. */
  private Map<String, Object> flags() {
    Map<String, Object> flags = new LinkedHashMap<>();
    if (host != null) {
      flags.put("kadence.node.host", host);
    }
    if (port != null) {
      flags.put("kadence.node.port", port);
    }
    if (bootstrap != null) {
      flags.put("kadence.node.bootstrap", bootstrap.stream().map(HostPort::toString).toList());
    }
    if (dataDir != null) {
      flags.put("kadence.node.data-dir", dataDir.toAbsolutePath().normalize().toString());
    }
    if (httpPort != null) {
      flags.put("kadence.http.port", httpPort);
    }
    return flags;
  }

  private ProcessHandle manager() {
    if (managerPid == null) {
      return null;
    }
    return ProcessHandle.of(managerPid).orElseThrow(() -> new CliException(ExitCodes.USAGE,
        "no process " + managerPid + " to be managed by"));
  }
}
