package io.kadence.dht.record;

import io.kadence.crypto.sign.Ed25519;
import io.kadence.crypto.key.NodeKeyPair;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A value stored under a key, signed by its publisher: the mutable signed item of BEP 44 with a
 * creation time and TTL added under the signature (DESIGN.md, "Identity, signatures and the
 * wire"). The signed bytes are {@link RecordSigning#content}.
 *
 * <p>Immutable; every array is copied in and out. The constructor enforces only the shape
 * (non-null fields, a 32-byte public key, a 64-byte signature): a record received from a peer may
 * carry any sequence number, times and value, and {@link RecordValidator} judges them with a
 * typed reason. {@link #create} is the publisher's side and refuses nonsense outright.
 */
public final class SignedRecord {
  private final Key key;
  private final byte[] publisherPublicKey;
  private final NodeId publisherId;
  private final long sequence;
  private final long createdMillis;
  private final long ttlMillis;
  private final byte[] value;
  private final byte[] signature;

  /** A record with the given fields as received; the signature is not checked here. */
  public SignedRecord(Key key, byte[] publisherPublicKey, long sequence, long createdMillis,
      long ttlMillis, byte[] value, byte[] signature) {
    this.key = Objects.requireNonNull(key, "key");
    this.publisherPublicKey = exact(publisherPublicKey, Ed25519.PUBLIC_KEY_BYTES, "publisher key");
    this.publisherId = NodeId.ofPublicKey(this.publisherPublicKey);
    this.sequence = sequence;
    this.createdMillis = createdMillis;
    this.ttlMillis = ttlMillis;
    this.value = Objects.requireNonNull(value, "value").clone();
    this.signature = exact(signature, Ed25519.SIGNATURE_BYTES, "signature");
  }

  /**
   * Signs a new record as {@code publisher}. The sequence number must be at least 0 and the TTL
   * positive; to replace an earlier record, use a higher sequence number (BEP 44).
   */
  public static SignedRecord create(NodeKeyPair publisher, Key key, long sequence,
      Instant created, Duration ttl, byte[] value) {
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    byte[] publicKey = publisher.publicKey();
    long createdMillis = created.toEpochMilli();
    long ttlMillis = ttl.toMillis();
    byte[] content = RecordSigning.content(key, publicKey, sequence, createdMillis, ttlMillis, value);
    return new SignedRecord(key, publicKey, sequence, createdMillis, ttlMillis, value,
        publisher.sign(content));
  }

  /** The key the record is stored under. */
  public Key key() {
    return key;
  }

  /** A copy of the publisher's raw 32-byte Ed25519 public key. */
  public byte[] publisherPublicKey() {
    return publisherPublicKey.clone();
  }

  /** The publisher's node ID: SHA-256 of its public key. */
  public NodeId publisherId() {
    return publisherId;
  }

  /** The sequence number; a higher one from the same publisher replaces this record. */
  public long sequence() {
    return sequence;
  }

  /** Creation time in milliseconds since the epoch, as signed. */
  public long createdMillis() {
    return createdMillis;
  }

  /** Creation time, as signed. */
  public Instant created() {
    return Instant.ofEpochMilli(createdMillis);
  }

  /** Time to live in milliseconds, as signed. */
  public long ttlMillis() {
    return ttlMillis;
  }

  /** Time to live, as signed. */
  public Duration ttl() {
    return Duration.ofMillis(ttlMillis);
  }

  /** Expiry in milliseconds since the epoch: created + TTL, saturated at the long range. */
  public long expiresAtMillis() {
    long sum = createdMillis + ttlMillis;
    // Overflow only if both operands have the same sign and the sum's sign differs.
    if (((createdMillis ^ sum) & (ttlMillis ^ sum)) < 0) {
      return ttlMillis > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }

  /** The instant from which the record is expired: created + TTL. */
  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAtMillis());
  }

  /** Whether the record is expired at {@code now}: created + TTL &lt;= now. */
  public boolean isExpiredAt(Instant now) {
    return expiresAtMillis() <= now.toEpochMilli();
  }

  /** A copy of the value bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** Length of the value in bytes, without copying it. */
  public int valueLength() {
    return value.length;
  }

  /** A copy of the 64-byte Ed25519 signature. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The bytes the signature covers ({@link RecordSigning#content}). */
  public byte[] signedContent() {
    return RecordSigning.content(key, publisherPublicKey, sequence, createdMillis, ttlMillis, value);
  }

  /** Whether the signature is the publisher's signature of {@link #signedContent()}. */
  public boolean hasValidSignature() {
    return Ed25519.verify(publisherPublicKey, signedContent(), signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedRecord r
        && sequence == r.sequence && createdMillis == r.createdMillis && ttlMillis == r.ttlMillis
        && key.equals(r.key) && Arrays.equals(publisherPublicKey, r.publisherPublicKey)
        && Arrays.equals(signature, r.signature) && Arrays.equals(value, r.value);
  }

  @Override
  public int hashCode() {
    // The signature depends on every other field; hashing it avoids hashing a large value.
    return Objects.hash(key, publisherId, sequence, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedRecord[key=" + key.id().shortHex() + ", publisher=" + publisherId.shortHex()
        + ", seq=" + sequence + ", created=" + createdMillis + ", ttl=" + ttlMillis + "ms, value="
        + value.length + " bytes]";
  }

  private static byte[] exact(byte[] bytes, int length, String what) {
    Objects.requireNonNull(bytes, what);
    if (bytes.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + bytes.length);
    }
    return bytes.clone();
  }
}
