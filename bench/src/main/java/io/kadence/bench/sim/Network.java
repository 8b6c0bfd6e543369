package io.kadence.bench.sim;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.routing.RoutingTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A simulated network: a {@link Population}, one real {@link RoutingTable} per node, and the
 * role each node plays in the current scenario. Tables do not change while lookups run (the
 * failure scenarios measure the moment after the crash, before any table repair), so lookups
 * read them from several threads at once.
 */
final class Network {
  /** Leading bits an invented contact shares with the target: 2^-128 odds of a real node there. */
  static final int INVENTED_PREFIX = 128;
  /** The address of every invented contact: it never answers. */
  static final String INVENTED_HOST = "192.0.2.1";

  private final Population population;
  private final RoutingTable[] tables;
  private final int k;
  private final Role[] roles;
  private final XorIndex all;
  private final XorIndex answering;
  private final XorIndex honest;
  private final XorIndex adversaries;

  Network(Population population, RoutingTable[] tables, int k, Role[] roles) {
    if (tables.length != population.size() || roles.length != population.size()) {
      throw new IllegalArgumentException("one table and one role per node");
    }
    this.population = population;
    this.tables = tables;
    this.k = k;
    this.roles = roles.clone();
    this.all = new XorIndex(population, node -> true);
    this.answering = new XorIndex(population, node -> this.roles[node] != Role.FAILED);
    this.honest = new XorIndex(population, node -> this.roles[node] == Role.HONEST);
    this.adversaries = new XorIndex(population, node -> this.roles[node] == Role.ADVERSARY);
  }

  /** The same population and tables with other roles. */
  Network withRoles(Role[] newRoles) {
    return new Network(population, tables, k, newRoles);
  }

  /** Every node honest. */
  static Role[] allHonest(int n) {
    Role[] roles = new Role[n];
    Arrays.fill(roles, Role.HONEST);
    return roles;
  }

  Population population() {
    return population;
  }

  int size() {
    return population.size();
  }

  int k() {
    return k;
  }

  Role role(int node) {
    return roles[node];
  }

  RoutingTable table(int node) {
    return tables[node];
  }

  /** Every node, failed or not: where a record was put before the failures. */
  XorIndex all() {
    return all;
  }

  /** The nodes that answer (honest and adversarial). */
  XorIndex answering() {
    return answering;
  }

  /** The honest nodes that answer. */
  XorIndex honest() {
    return honest;
  }

  /**
   * The contacts {@code node} answers a FIND_NODE or FIND_VALUE for {@code target} with: the k
   * closest of its table (Kademlia, section 2.3), or the colluders' k closest for an adversary.
   * Failed nodes never get here.
   */
  List<Contact> answer(int node, NodeId target) {
    if (roles[node] == Role.FABRICATOR) {
      return invented(node, target);
    }
    if (roles[node] == Role.ADVERSARY) {
      int[] colluders = adversaries.closest(target, k, -1);
      List<Contact> out = new ArrayList<>(colluders.length);
      for (int c : colluders) {
        out.add(population.contact(c));
      }
      return out;
    }
    return tables[node].closest(target, k);
  }

  /**
   * k ids that share {@link #INVENTED_PREFIX} leading bits with {@code target}, so closer to it
   * than any real node of a network this size, the same for the same node and target.
   */
  private List<Contact> invented(int node, NodeId target) {
    Random random = new Random(Seeds.mix(target.hashCode(), node));
    List<Contact> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      NodeId id = NodeId.randomInBucket(target, NodeId.BITS - 1 - INVENTED_PREFIX, random);
      if (population.find(id) < 0) {
        out.add(new Contact(id, INVENTED_HOST, 1 + i));
      }
    }
    return out;
  }
}
