package io.kadence.node.transport;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import io.kadence.node.config.PekkoConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Where a peer's {@link PeerEndpoint} lives, and where a request came from. Every peer's guardian
 * spawns its endpoint as the child {@value #ENDPOINT_NAME} of the user guardian, so a contact's
 * endpoint is {@code pekko://kadence@<host>:<port>/user/endpoint} (an IPv6 literal in brackets,
 * as Artery writes its own canonical address).
 *
 * <p>Hosts arrive in contacts that other peers sent, so they are hostile input: only plain host
 * names, IPv4 and IPv6 literals are accepted; anything that could change the shape of the actor
 * path (a slash, an {@code @}, a {@code #}) is refused before a path is built.
 *
 * <p>Thread-safe. Resolved refs are cached in a least-recently-used map of
 * {@value #CACHE_CAPACITY} entries; a ref resolved from a path carries no incarnation, so it
 * stays valid when the peer restarts.
 */
public final class PeerAddresses {
  /** Name of the endpoint actor under the user guardian. */
  public static final String ENDPOINT_NAME = "endpoint";
  /** Most resolved endpoint refs kept. */
  public static final int CACHE_CAPACITY = 4096;

  private static final String PROTOCOL = "pekko";
  /** A DNS name or an IPv4 literal: letters, digits, dots and hyphens, no leading/trailing dot or hyphen. */
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  /** An IPv6 literal, possibly with an embedded IPv4 part; zone ids are not accepted. */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

  private final ActorSystem<?> system;
  private final ActorRefResolver resolver;
  private final Map<String, ActorRef<PeerRequest>> cache;

  /** Addresses as seen from {@code system}, whose resolver turns paths into refs. */
  public PeerAddresses(ActorSystem<?> system) {
    this(system, CACHE_CAPACITY);
  }

  PeerAddresses(ActorSystem<?> system, int capacity) {
    this.system = Objects.requireNonNull(system, "system");
    this.resolver = ActorRefResolver.get(system);
    this.cache = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ActorRef<PeerRequest>> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The endpoint path of the peer at {@code host:port}.
   *
   * @throws IllegalArgumentException if the host is not a host name or IP literal, or the port
   *     is out of range
   */
  public static String endpointPath(String host, int port) {
    String plain = plainHost(host).orElseThrow(
        () -> new IllegalArgumentException("not a usable peer host: '" + host + "'"));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range 1..65535: " + port);
    }
    String uriHost = plain.contains(":") ? "[" + plain + "]" : plain;
    return PROTOCOL + "://" + PekkoConfig.SYSTEM_NAME + "@" + uriHost + ":" + port + "/user/"
        + ENDPOINT_NAME;
  }

  /**
   * The endpoint of {@code contact}, resolved once and then cached.
   *
   * @throws IllegalArgumentException if the contact's host is not usable (see {@link #endpointPath})
   */
  public ActorRef<PeerRequest> endpointOf(Contact contact) {
    String path = endpointPath(contact.host(), contact.port());
    synchronized (cache) {
      ActorRef<PeerRequest> cached = cache.get(path);
      if (cached != null) {
        return cached;
      }
    }
    ActorRef<PeerRequest> resolved = resolver.resolveActorRef(path);
    synchronized (cache) {
      cache.put(path, resolved);
    }
    return resolved;
  }

  /**
   * The contact of the node {@code id} that asked through {@code replyTo}: host and port of the
   * reply path's address, or of this system's own canonical address for a local ref. Empty if
   * that address has no usable host or port.
   */
  public Optional<Contact> contactOf(NodeId id, ActorRef<?> replyTo) {
    Address address = replyTo.path().address();
    if (address.getHost().isEmpty()) {
      address = system.address();
    }
    Optional<String> host = address.getHost().flatMap(PeerAddresses::plainHost);
    Optional<Integer> port = address.getPort().filter(p -> p >= 1 && p <= 65535);
    if (host.isEmpty() || port.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Contact(id, host.get(), port.get()));
  }

  /**
   * {@code host} without IPv6 brackets if it is a host name, IPv4 or IPv6 literal of at most
   * {@link Contact#MAX_HOST_LENGTH} characters; empty otherwise.
   */
  static Optional<String> plainHost(String host) {
    if (host == null) {
      return Optional.empty();
    }
    String plain = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    boolean ipv6 = plain.contains(":");
    boolean valid = !plain.isEmpty() && plain.length() <= Contact.MAX_HOST_LENGTH
        && (ipv6 ? IPV6.matcher(plain).matches() : HOST_NAME.matcher(plain).matches())
        && (ipv6 || plain.equals(host));
    return valid ? Optional.of(plain) : Optional.empty();
  }

  int cachedRefs() {
    synchronized (cache) {
      return cache.size();
    }
  }
}
