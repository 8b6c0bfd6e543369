package io.kadence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** What the extension promises a failing test: its peers' logs named, its children stopped. */
@ExtendWith(LogCapturingExtension.class)
class KadenceClusterExtensionTest {

  @Test
  void handleTestExecutionException_shouldNameEveryPeerLogAndStopTheChildrenWhenATestFails() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    FailingScenario.run = true;
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(FailingScenario.class)).build(), listener);
    } finally {
      FailingScenario.run = false;
    }
    List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
    assertEquals(1, failures.size(), "the scenario fails once");
    Throwable failure = failures.get(0).getException();
    assertInstanceOf(AssertionError.class, failure);
    assertTrue(failure.getMessage().startsWith("boom"), failure.getMessage());
    assertEquals("boom", failure.getCause().getMessage(), "the original failure is the cause");
    for (Path log : FailingScenario.cluster.logs()) {
      assertTrue(failure.getMessage().contains(log.toAbsolutePath().toString()),
          "names " + log + ": " + failure.getMessage());
      assertTrue(Files.isRegularFile(log));
    }
    for (RemotePeer peer : FailingScenario.cluster.peers()) {
      assertFalse(peer.isAlive(), peer + " stopped after the test");
    }
  }

  @Test
  void start_shouldFailWithTheReasonAndThePeerLogWhenAPeerCannotStart() {
    MultiJvmClusterBuilder builder = MultiJvmCluster.builder().name("bad-settings").size(2)
        .config("kadence.routing.k = 0");
    AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        builder::start);
    String message = failure.getMessage();
    assertTrue(message.contains("exited with status 1 before it served"), message);
    assertTrue(message.contains(PeerLine.FAILED), message);
    assertTrue(message.contains("k must be"), message);
    assertTrue(message.contains(Path.of("target", "kadence-peers", "bad-settings", "peer-0.log")
        .toAbsolutePath().toString()), message);
    assertEquals(0, ChildProcesses.live(), "no child left running");
  }

  /** Run only by the test above, through the launcher: starts a peer, then fails. */
  static class FailingScenario {
    static volatile boolean run;
    static volatile MultiJvmCluster cluster;

    @RegisterExtension final KadenceClusterExtension clusters = new KadenceClusterExtension();

    @Test
    void scenario() {
      Assumptions.assumeTrue(run, "run by KadenceClusterExtensionTest only");
      cluster = clusters.builder().size(1).start();
      throw new AssertionError("boom");
    }
  }
}
