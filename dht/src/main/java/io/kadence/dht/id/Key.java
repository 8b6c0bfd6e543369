package io.kadence.dht.id;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A key of the DHT: a point of the same 256-bit space as node IDs. A user's key string maps to
 * SHA-256 of its UTF-8 bytes (DESIGN.md, "Data placement"); a raw id can be used directly.
 */
public final class Key {
  private final NodeId id;

  private Key(NodeId id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** The key of a user's key string: SHA-256 of its UTF-8 bytes. */
  public static Key of(String userKey) {
    Objects.requireNonNull(userKey, "userKey");
    return new Key(NodeId.sha256(userKey.getBytes(StandardCharsets.UTF_8)));
  }

  /** A raw 256-bit key. */
  public static Key ofId(NodeId id) {
    return new Key(id);
  }

  /** A raw key from 64 hex digits. */
  public static Key fromHex(String hex) {
    return new Key(NodeId.fromHex(hex));
  }

  /** A raw key from its 32 bytes. */
  public static Key of(byte[] bytes) {
    return new Key(NodeId.of(bytes));
  }

  /** The key as a point of the id space, the target of its lookups. */
  public NodeId id() {
    return id;
  }

  /** The 32 bytes of the key (a copy). */
  public byte[] bytes() {
    return id.bytes();
  }

  /** 64 lower-case hex digits. */
  public String toHex() {
    return id.toHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Key[" + id.shortHex() + "]";
  }
}
