package io.kadence.cli.node;

import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import io.kadence.node.KadenceNode;
import io.kadence.node.LeaveResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.Signals;

/**
 * Keeps a started peer in the foreground until it is asked to stop, then leaves gracefully
 * (DESIGN.md, "Data placement": hand-off before exit). Stop requests: SIGINT (Ctrl-C), SIGTERM,
 * the end of the managing process ({@code local-net}), or the peer stopping by itself (after
 * {@code POST /v1/leave}). A second signal while leaving stops the peer at once.
 *
 * <p>Signals are caught with handlers (JLine's wrapper of {@code sun.misc.Signal}), not a JVM
 * shutdown hook, so the peer can hand its records off and the process still exits 0. A peer
 * managed by {@code local-net} ignores SIGINT: Ctrl-C in the shell reaches the whole process
 * group, and the shell, not the peers, decides what it means.
 */
public final class ForegroundPeer {
  private final KadenceNode node;
  private final PrintWriter out;
  private final CompletableFuture<String> stopRequest = new CompletableFuture<>();
  private final AtomicInteger signals = new AtomicInteger();

  private ForegroundPeer(KadenceNode node, PrintWriter out) {
    this.node = node;
    this.out = out;
  }

  /**
   * Runs {@code node} until asked to stop, then leaves; returns the exit code.
   *
   * @param manager the process that manages this peer, or null; its end stops the peer
   */
  public static int run(KadenceNode node, PrintWriter out, ProcessHandle manager) {
    ForegroundPeer peer = new ForegroundPeer(node, out);
    if (manager == null) {
      Signals.register("INT", () -> peer.onSignal("interrupted"));
    } else {
      ignoreInterrupts();
      manager.onExit().thenRun(() -> peer.stopRequest.complete("its launcher exited"));
    }
    Signals.register("TERM", () -> peer.onSignal("terminated"));
    node.whenTerminated().thenRun(() -> peer.stopRequest.complete(null));
    return peer.awaitStop();
  }

  /**
   * Ignores SIGINT from now on, for a peer whose manager owns the terminal: call it before
   * starting the peer, so a Ctrl-C in the manager's shell never stops it half-way.
   */
  public static void ignoreInterrupts() {
    Signals.register("INT", () -> { });
  }

  private void onSignal(String reason) {
    if (signals.incrementAndGet() > 1) {
      out.println("stopping at once, without hand-off");
      out.flush();
      node.terminate();
    }
    stopRequest.complete(reason);
  }

  private int awaitStop() {
    String reason = stopRequest.join();
    if (reason == null) {
      out.println("the peer stopped");
      out.flush();
      return ExitCodes.OK;
    }
    out.println(reason + ": leaving the network (handing records on; Ctrl-C again stops at once)");
    out.flush();
    Duration bound = node.settings().network().leaveTimeout().plusSeconds(10);
    try {
      LeaveResult left = node.leave().toCompletableFuture()
          .get(bound.toMillis(), TimeUnit.MILLISECONDS);
      out.printf("left: handed %d of %d records on, %d contacts told%n", left.handedOff(),
          left.records(), left.notified());
      out.flush();
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.terminate();
      throw new CliException(ExitCodes.FAILURE, "interrupted while leaving; stopped at once", e);
    } catch (ExecutionException | TimeoutException e) {
      node.terminate().toCompletableFuture().join();
      if (signals.get() > 1) {
        throw new CliException(ExitCodes.FAILURE, "stopped at once, as asked; records were not "
            + "all handed on", e);
      }
      String why = e instanceof TimeoutException ? "it took longer than " + bound.toSeconds()
          + " s" : e.getCause().getMessage();
      throw new CliException(ExitCodes.FAILURE, "the graceful leave failed (" + why
          + "); stopped without a complete hand-off", e);
    }
  }
}
