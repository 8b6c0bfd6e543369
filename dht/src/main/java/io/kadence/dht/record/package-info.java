/**
 * The record model of the DHT: values signed by their publisher, with a sequence number and a
 * time to live (DESIGN.md, "Identity, signatures and the wire").
 *
 * <p>Mutable signed items follow BEP 44 ("Storing arbitrary data in the DHT"): a record is
 * replaced only by a strictly higher sequence number from the same public key, and a store may
 * carry an expected sequence number for compare-and-swap. Unlike BEP 44, a record also carries
 * its creation time and TTL under the signature, so every holder enforces the same expiry
 * (Kademlia, section 2.5, expires values after a fixed time unless republished).
 *
 * <p>Everything here is a pure function of its inputs and a {@link java.time.Clock} or
 * {@link java.time.Instant}; the node module owns storage and persistence.
 */
package io.kadence.dht.record;
