package io.kadence.dht.lookup;

import io.kadence.dht.routing.Contact;
import java.util.Objects;

/**
 * A value returned by one peer to a FIND_VALUE lookup (Kademlia, section 2.3), with the peer
 * that returned it and that peer's hop count (see {@link LookupResult#rounds()}). The lookup
 * does not judge values: its owner verifies a record's signature before reporting it, and picks
 * the newest of several.
 *
 * @param <V> the value type, chosen by the owner (for instance a signed record)
 * @param from the peer that returned the value
 * @param value the value as the owner reported it
 * @param hop the peer's hop count: 1 for an initial contact, 1 + its referrer's otherwise
 */
public record FoundValue<V>(Contact from, V value, int hop) {
  public FoundValue {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(value, "value");
  }
}
