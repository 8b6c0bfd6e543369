package io.kadence.bench.sim;

/**
 * What is wrong with the network during one batch of lookups.
 *
 * @param name short label for tables: {@code baseline}, {@code failed 20%}, {@code collude 20%}, {@code invent 20%}
 * @param stream a fixed number that keeps each scenario's random choices apart
 * @param failed share of nodes that crashed without notice, 0 to below 1
 * @param adversarial share of adversarial nodes, 0 to below 1
 * @param adversaryRole what the adversarial nodes do: {@link Role#ADVERSARY} (colluding
 *     contacts) or {@link Role#FABRICATOR} (invented contacts)
 */
record Scenario(String name, int stream, double failed, double adversarial,
    Role adversaryRole) {
  Scenario {
    if (!(failed >= 0) || !(adversarial >= 0) || !(failed + adversarial < 1)) {
      throw new IllegalArgumentException(
          "failed and adversarial shares must be >= 0 and leave some honest nodes: " + this);
    }
  }

  static Scenario baseline() {
    return new Scenario("baseline", 0, 0, 0, Role.ADVERSARY);
  }

  static Scenario failed(double share) {
    return new Scenario("failed " + percent(share), 1, share, 0, Role.ADVERSARY);
  }

  static Scenario adversarial(double share) {
    return new Scenario("collude " + percent(share), 2, 0, share, Role.ADVERSARY);
  }

  static Scenario fabricating(double share) {
    return new Scenario("invent " + percent(share), 3, 0, share, Role.FABRICATOR);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
