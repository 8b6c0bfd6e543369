package io.kadence.cli.bench;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key whose put was acknowledged: what a later get must bring back byte for byte, and the
 * peer that took the put, so the get can go through another one.
 *
 * @param key the key string
 * @param value the value put
 * @param peerUrl the base URL of the peer that took the put
 */
public record RecordedKey(String key, byte[] value, String peerUrl) {
  /** Checks the fields and keeps its own copy of the value. */
  public RecordedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(peerUrl, "peerUrl");
    value = value.clone();
  }

  /** A copy of the value. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** True if {@code bytes} is exactly the value put. */
  public boolean matches(byte[] bytes) {
    return Arrays.equals(value, bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedKey other && key.equals(other.key)
        && Arrays.equals(value, other.value) && peerUrl.equals(other.peerUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), peerUrl);
  }

  @Override
  public String toString() {
    return key + " (" + value.length + " bytes via " + peerUrl + ")";
  }
}
