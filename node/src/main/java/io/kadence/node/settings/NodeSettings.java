package io.kadence.node.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import io.kadence.crypto.envelope.SignedEnvelope;
import io.kadence.dht.lookup.LookupHedge;
import io.kadence.dht.routing.Contact;
import io.kadence.dht.wire.WireLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every tunable of a peer, read once from the {@code kadence} block of the configuration
 * (defaults and their meaning in {@code reference.conf}). Invalid values fail at start with the
 * offending path in the message, never later on a hot path.
 */
public record NodeSettings(
    NetworkSettings network,
    RoutingSettings routing,
    LookupSettings lookup,
    StorageSettings storage,
    SecuritySettings security,
    HttpSettings http) {

  public NodeSettings {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(http, "http");
    if (lookup.putWidth() < storage.replication()) {
      throw new IllegalArgumentException("put-width (" + lookup.putWidth()
          + ") must be at least kadence.storage.replication (" + storage.replication()
          + "): a put's lookup has to find the whole replica set");
    }
  }

  /**
   * How many closest peers a put's FIND_NODE converges on: {@code put-width}, at most k (a
   * lookup never tracks more than the k closest).
   */
  public static int putWidth(LookupSettings lookup, RoutingSettings routing) {
    return Math.min(lookup.putWidth(), routing.k());
  }

  /**
   * The wire bounds every peer of the network applies: k contacts, a publisher quota's worth of
   * records of the largest value, and room for the largest message these allow.
   */
  public WireLimits wireLimits() {
    WireLimits counts = new WireLimits(1, routing.k(), storage.maxPublishersPerKey(),
        storage.maxValueBytes(), Contact.MAX_HOST_LENGTH);
    long worst = counts.worstCaseMessageBytes();
    if (worst > Integer.MAX_VALUE - SignedEnvelope.FIXED_BYTES) {
      throw new IllegalArgumentException("max-value-size times max-publishers-per-key is too large");
    }
    return new WireLimits((int) worst, counts.maxContacts(), counts.maxRecords(),
        counts.maxValueBytes(), counts.maxHostLength());
  }

  /** Largest signed envelope accepted: the largest message plus the envelope's fixed fields. */
  public int maxEnvelopeBytes() {
    return wireLimits().maxMessageBytes() + SignedEnvelope.FIXED_BYTES;
  }

  /**
   * Reads the {@code kadence} block of {@code config}.
   *
   * @throws ConfigException with the path of a missing, invalid or unknown setting
   */
  public static NodeSettings load(Config config) {
    Config k = config.getConfig("kadence");
    checkKnown(k, ConfigFactory.defaultReference(NodeSettings.class.getClassLoader())
        .getConfig("kadence"));
    NetworkSettings network = network(k.getConfig("node"));
    RoutingSettings routing = routing(k.getConfig("routing"));
    LookupSettings lookup = lookup(k.getConfig("lookup"));
    StorageSettings storage = storage(k.getConfig("storage"));
    SecuritySettings security = security(k.getConfig("security"));
    HttpSettings http = http(k.getConfig("http"));
    return parse(k, "lookup",
        () -> new NodeSettings(network, routing, lookup, storage, security, http));
  }

  /**
   * Refuses a setting under {@code kadence} that reference.conf does not define: a misspelt
   * path would otherwise be ignored without a word, and the peer run on the default. The
   * testkit's own {@code kadence.testkit} block is not a peer's and is left alone.
   */
  static void checkKnown(Config kadence, Config reference) {
    for (Map.Entry<String, ConfigValue> entry : kadence.entrySet()) {
      String path = entry.getKey();
      if (path.startsWith("testkit.") || reference.hasPathOrNull(path)) {
        continue;
      }
      String leaf = path.substring(path.lastIndexOf('.') + 1);
      String hint = reference.entrySet().stream().map(Map.Entry::getKey)
          .filter(known -> known.equals(leaf) || known.endsWith("." + leaf)).findFirst()
          .map(known -> "; did you mean kadence." + known + "?").orElse("");
      throw new ConfigException.BadPath(entry.getValue().origin(), "kadence." + path,
          "no such setting" + hint + " (the settings are in the node module's reference.conf)");
    }
  }

  private static NetworkSettings network(Config c) {
    List<HostPort> bootstrap = c.getStringList("bootstrap").stream()
        .map(s -> parse(c, "bootstrap", () -> HostPort.parse(s)))
        .toList();
    return parse(c, "node", () -> new NetworkSettings(
        c.getString("host"), c.getInt("port"), bootstrap, Path.of(c.getString("data-dir")),
        c.getDuration("join-timeout"), c.getDuration("leave-timeout")));
  }

  private static RoutingSettings routing(Config c) {
    return parse(c, "routing", () -> new RoutingSettings(
        c.getInt("k"), c.getInt("replacement-cache"), c.getDuration("refresh-interval"),
        c.getDuration("ping-timeout"), c.getInt("max-failures"), c.getDuration("save-delay"),
        c.getDuration("reprobe-min-backoff"), c.getDuration("reprobe-max-backoff"),
        c.getInt("reprobe-attempts"), c.getDuration("questionable-after")));
  }

  private static LookupSettings lookup(Config c) {
    return parse(c, "lookup", () -> new LookupSettings(
        c.getInt("alpha"), c.getInt("put-width"), c.getDuration("request-timeout"),
        c.getDuration("timeout"),
        new LookupHedge(c.getDouble("hedge-factor"), c.getDuration("hedge-min").toNanos(),
            c.getDouble("give-up-factor"), c.getDuration("give-up-min").toNanos())));
  }

  private static StorageSettings storage(Config c) {
    return parse(c, "storage", () -> new StorageSettings(
        c.getInt("replication"), c.getInt("write-quorum"), c.getDuration("default-ttl"),
        c.getDuration("max-ttl"), c.getDuration("max-clock-skew"), bytesAsInt(c, "max-value-size"), c.getInt("max-records"),
        c.getBytes("max-bytes"), c.getInt("max-publishers-per-key"), c.getInt("snapshot-every"),
        c.getDuration("republish-interval"), c.getDuration("replication-debounce"),
        c.getInt("replication-in-flight"), c.getDuration("expiry-sweep-interval"),
        c.getDuration("store-timeout")));
  }

  private static SecuritySettings security(Config c) {
    return parse(c, "security", () -> new SecuritySettings(
        c.getDuration("freshness-window"), c.getInt("replay-capacity")));
  }

  private static HttpSettings http(Config c) {
    return parse(c, "http", () -> new HttpSettings(c.getString("host"), c.getInt("port")));
  }

  private static int bytesAsInt(Config c, String path) {
    long bytes = c.getBytes(path);
    if (bytes > Integer.MAX_VALUE) {
      throw new ConfigException.BadValue(c.origin(), path, "must be below 2 GiB");
    }
    return (int) bytes;
  }

  /** Turns a value check of a settings record into a ConfigException that names the block. */
  private static <T> T parse(Config c, String block, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(c.origin(), "kadence." + block, e.getMessage(), e);
    }
  }

  static Duration positive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }

  static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
    return value;
  }
}
