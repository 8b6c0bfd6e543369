package io.kadence.cli.bench;

/**
 * How one operation ended.
 *
 * @param outcome ok, failed, or lost
 * @param reason why it was not ok, short enough to count by (e.g. {@code http 503
 *     quorum_not_reached}, {@code timeout}, {@code not found}); null when ok
 */
public record OpResult(Outcome outcome, String reason) {
  /** The kinds of ending. */
  public enum Outcome {
    /** A put acknowledged, or a get that brought the value back byte for byte. */
    OK,
    /** No answer, or an error answer: the system did not do it, and said so (or timed out). */
    FAILED,
    /** A get of an acknowledged key that answered not found or a wrong value. */
    LOST
  }

  static final OpResult OK = new OpResult(Outcome.OK, null);

  static OpResult failed(String reason) {
    return new OpResult(Outcome.FAILED, reason);
  }

  static OpResult lost(String reason) {
    return new OpResult(Outcome.LOST, reason);
  }
}
