package io.kadence.testkit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 owner of the {@link MultiJvmCluster}s of a test class: clusters started through
 * {@link #builder()} are named after the test (their files go to
 * {@code target/kadence-peers/<Class>.<method>/}), are closed after the test that started them
 * (or after the class, for clusters started in {@code @BeforeAll}), and a failure of the test or
 * of its set-up is rethrown as an {@link AssertionError} whose message ends with every peer's
 * log file, the original failure as its cause.
 *
 * <pre>{@code
 * @RegisterExtension static KadenceClusterExtension clusters = new KadenceClusterExtension();
 *
 * @Test
 * void get_shouldFindTheValueWhenAPeerWasKilled() {
 *   MultiJvmCluster cluster = clusters.builder().size(4).start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Register it as a static field to start clusters in {@code @BeforeAll}; an instance field
 * serves clusters started in {@code @BeforeEach} or in the test.
 */
public final class KadenceClusterExtension implements BeforeAllCallback, BeforeEachCallback,
    AfterEachCallback, AfterAllCallback, TestExecutionExceptionHandler,
    LifecycleMethodExecutionExceptionHandler {
  private final List<MultiJvmCluster> classClusters = new ArrayList<>();
  private final List<MultiJvmCluster> testClusters = new ArrayList<>();
  private String scope = "cluster";
  private boolean inTest;
  private int started;

  /**
   * A builder for a cluster this extension owns, named after the running test (with a counter
   * if the test starts several).
   */
  public synchronized MultiJvmClusterBuilder builder() {
    String name = scope + (started++ == 0 ? "" : "-" + started);
    return MultiJvmCluster.builder().name(name).onCreate(this::own);
  }

  /** The clusters this extension owns and has not closed yet. */
  public synchronized List<MultiJvmCluster> clusters() {
    List<MultiJvmCluster> all = new ArrayList<>(classClusters);
    all.addAll(testClusters);
    return all;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    scope = context.getRequiredTestClass().getSimpleName();
    started = 0;
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    scope = context.getRequiredTestClass().getSimpleName() + "."
        + context.getRequiredTestMethod().getName();
    started = 0;
    inTest = true;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<MultiJvmCluster> closing;
    synchronized (this) {
      closing = List.copyOf(testClusters);
      testClusters.clear();
      inTest = false;
    }
    closeAll(closing);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<MultiJvmCluster> closing;
    synchronized (this) {
      closing = List.copyOf(classClusters);
      classClusters.clear();
    }
    closeAll(closing);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withLogs(failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context,
      Throwable failure) throws Throwable {
    throw withLogs(failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context,
      Throwable failure) throws Throwable {
    throw withLogs(failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context,
      Throwable failure) throws Throwable {
    throw withLogs(failure);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context,
      Throwable failure) throws Throwable {
    throw withLogs(failure);
  }

  /**
   * {@code failure} with the peer logs of every owned cluster appended to its message, unless
   * the message names them already (a failed start does).
   */
  private Throwable withLogs(Throwable failure) {
    if (failure instanceof TestAbortedException) {
      return failure;
    }
    String original = failure instanceof AssertionError ? String.valueOf(failure.getMessage())
        : failure.toString();
    StringBuilder message = new StringBuilder(original);
    for (MultiJvmCluster cluster : clusters()) {
      boolean named = cluster.logs().stream()
          .allMatch(log -> original.contains(log.toAbsolutePath().toString()));
      if (!named) {
        message.append(System.lineSeparator()).append(cluster.describe());
      }
    }
    return message.length() == original.length() ? failure
        : new AssertionError(message.toString(), failure);
  }

  private synchronized void own(MultiJvmCluster cluster) {
    (inTest ? testClusters : classClusters).add(cluster);
  }

  private static void closeAll(List<MultiJvmCluster> clusters) {
    RuntimeException failed = null;
    for (MultiJvmCluster cluster : clusters) {
      try {
        cluster.close();
      } catch (RuntimeException e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
