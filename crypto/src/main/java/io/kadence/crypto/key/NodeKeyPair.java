package io.kadence.crypto.key;

import io.kadence.crypto.Sha256;
import io.kadence.crypto.sign.Ed25519;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A node's identity: an Ed25519 key pair whose node ID is SHA-256 of the raw 32-byte public key
 * (DESIGN.md, "Identity, signatures and the wire"). Immutable; {@link #toString()} never shows
 * the private key.
 */
public final class NodeKeyPair {
  private final Ed25519.PrivateKey privateKey;
  private final byte[] publicKey;
  private final byte[] nodeId;

  private NodeKeyPair(Ed25519.PrivateKey privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.publicKey();
    this.nodeId = nodeIdOf(publicKey);
  }

  /** A fresh key pair from the given source of randomness. */
  public static NodeKeyPair generate(SecureRandom random) {
    return new NodeKeyPair(Ed25519.generatePrivateKey(random));
  }

  /** The key pair of a raw 32-byte private key (the RFC 8032 seed). */
  public static NodeKeyPair fromPrivateKey(byte[] privateKey) {
    return new NodeKeyPair(Ed25519.privateKey(privateKey));
  }

  /** The node ID that belongs to a raw public key: SHA-256 of its 32 bytes. */
  public static byte[] nodeIdOf(byte[] publicKey) {
    if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key is " + Ed25519.PUBLIC_KEY_BYTES + " bytes");
    }
    return Sha256.digest(publicKey);
  }

  /** Signs a message with this node's private key. */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, message);
  }

  /** A copy of the raw 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** A copy of the 32-byte node ID. */
  public byte[] nodeId() {
    return nodeId.clone();
  }

  /** A copy of the raw private key; for writing the key file only. */
  public byte[] privateKeyBytes() {
    return privateKey.encoded();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeKeyPair other && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "NodeKeyPair[node " + HexFormat.of().formatHex(nodeId, 0, 4) + "]";
  }
}
