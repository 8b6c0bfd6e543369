package io.kadence.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.kadence.node.KadenceException;
import io.kadence.node.KadenceNode;
import io.kadence.node.settings.HostPort;
import io.kadence.node.settings.NodeSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The entry point of a child JVM of a {@link MultiJvmCluster}: one Kadence peer with the
 * testkit's settings ({@code kadence-testkit.conf}) under the test's overrides. It prints one
 * {@code KADENCE-READY id=<64 hex> peer=<host:port> http=<host:port>} line on stdout once it
 * serves, leaves gracefully on SIGTERM, and exits when the peer stops (after a leave, or when
 * the cluster downs it). A peer that cannot start prints {@code KADENCE-FAILED <reason>} and
 * exits with status 1; bad arguments exit with status 2.
 *
 * <pre>
 * java -cp CLASSPATH io.kadence.testkit.PeerMain --data-dir DIR [--bootstrap HOST:PORT,...]
 *     [--port P] [--http-port H] [--config-string HOCON] [--exit-with-parent PID]
 * </pre>
 *
 * <p>With {@code --exit-with-parent}, the peer halts as soon as process {@code PID} (the test
 * JVM) is gone, so a test JVM killed without running its shutdown hooks leaves no peer behind.
 */
public final class PeerMain {
  private PeerMain() {}

  /** Runs one peer until it stops; see the class comment for the arguments. */
  public static void main(String[] args) {
    Args parsed;
    try {
      parsed = Args.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(PeerLine.FAILED + " bad arguments " + Arrays.toString(args) + ": "
          + e.getMessage());
      System.exit(2);
      return;
    }
    parsed.parentPid().ifPresent(PeerMain::exitWithParent);
    KadenceNode node;
    try {
      node = start(parsed);
    } catch (KadenceException | RuntimeException e) {
      System.out.flush();
      System.err.println(PeerLine.FAILED + " " + e.getMessage());
      e.printStackTrace(System.err);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kadence-peer-leave"));
    PrintStream out = System.out;
    out.print(new PeerLine(node.id().toHex(), node.address(), node.httpAddress()).format()
        + System.lineSeparator());
    out.flush();
    node.whenTerminated().toCompletableFuture().join();
    System.out.println("peer " + node.id().shortHex() + " stopped");
    System.exit(0);
  }

  private static KadenceNode start(Args args) throws KadenceException {
    // kadence-pekko.conf turns off Pekko's and H2's JVM shutdown hooks, so the leave on
    // SIGTERM below runs with remoting and the journal still open.
    Config layered = TestkitSettings.layered(ConfigFactory.parseString(args.config()));
    NodeSettings settings = TestkitSettings.withHttpPort(
        TestkitSettings.peer(layered, args.dataDir(), args.port(), args.bootstrap()),
        args.httpPort());
    return KadenceNode.start(settings, layered);
  }

  /** Halts this JVM as soon as {@code pid} has exited (or at once if there is no such process). */
  private static void exitWithParent(long pid) {
    ProcessHandle.of(pid).ifPresentOrElse(
        parent -> parent.onExit().thenRun(() -> {
          System.err.println(PeerLine.FAILED + " the test JVM (pid " + pid + ") is gone");
          Runtime.getRuntime().halt(3);
        }),
        () -> Runtime.getRuntime().halt(3));
  }

  /** The parsed command line. */
  record Args(Path dataDir, List<HostPort> bootstrap, int port, int httpPort, String config,
      OptionalLong parentPid) {
    private static final List<String> FLAGS = List.of("--data-dir", "--bootstrap", "--port",
        "--http-port", "--config-string", "--exit-with-parent");

    static Args parse(String[] args) {
      Path dataDir = null;
      List<HostPort> bootstrap = new ArrayList<>();
      int port = 0;
      int httpPort = 0;
      String config = "";
      OptionalLong parent = OptionalLong.empty();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (!FLAGS.contains(flag)) {
          throw new IllegalArgumentException("unknown option " + flag + "; expected one of "
              + FLAGS);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--data-dir" -> dataDir = Path.of(value);
          case "--bootstrap" -> Arrays.stream(value.split(",")).map(String::strip)
              .filter(s -> !s.isEmpty()).map(HostPort::parse).forEach(bootstrap::add);
          case "--port" -> port = (int) number(flag, value);
          case "--http-port" -> httpPort = (int) number(flag, value);
          case "--config-string" -> config = value;
          default -> parent = OptionalLong.of(number(flag, value));
        }
      }
      if (dataDir == null) {
        throw new IllegalArgumentException("--data-dir is required");
      }
      return new Args(dataDir, bootstrap, port, httpPort, config, parent);
    }

    private static long number(String flag, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " expects a number, got '" + value + "'");
      }
    }
  }
}
