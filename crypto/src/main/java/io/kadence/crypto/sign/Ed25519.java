package io.kadence.crypto.sign;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Pure Ed25519 (RFC 8032, section 5.1) over Bouncy Castle's lightweight API.
 *
 * <p>Bouncy Castle rather than the JDK's provider: on this project's machines it signs about 19
 * times and verifies about 8 times faster (see NOTES.md), and signatures bound the message rate.
 *
 * <p>Calls Bouncy Castle's key objects directly rather than through its {@code Ed25519Signer},
 * which copies each message into a buffer of its own, and keeps decoded public keys in a
 * {@link PublicKeyCache} of {@value #PUBLIC_KEY_CACHE_SIZE} keys (docs/BENCHMARKS.md, "What the
 * numbers changed"). Both compute exactly what the signer computes with a freshly decoded key.
 */
public final class Ed25519 {
  /** Raw public key length (RFC 8032, 5.1.5). */
  public static final int PUBLIC_KEY_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;
  /** Raw private key (seed) length (RFC 8032, 5.1.5). */
  public static final int PRIVATE_KEY_BYTES = Ed25519PrivateKeyParameters.KEY_SIZE;
  /** Signature length (RFC 8032, 5.1.6). */
  public static final int SIGNATURE_BYTES = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

  /** Decoded public keys kept: a peer's contacts and the publishers it sees, about 1 MiB. */
  static final int PUBLIC_KEY_CACHE_SIZE = 4096;

  /** Bouncy Castle's code for pure Ed25519 (no context, no prehash): RFC 8032, 5.1. */
  private static final int PURE = org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519;
  private static final PublicKeyCache<Ed25519PublicKeyParameters> PUBLIC_KEYS =
      new PublicKeyCache<>(PUBLIC_KEY_CACHE_SIZE);

  private Ed25519() {}

  /**
   * An Ed25519 private key, opaque so that Bouncy Castle's types stay inside this class. It keeps
   * the expanded key and caches its public key, which a raw byte array would recompute (a scalar
   * multiplication) on every signature.
   */
  public static final class PrivateKey {
    private final Ed25519PrivateKeyParameters parameters;

    private PrivateKey(Ed25519PrivateKeyParameters parameters) {
      this.parameters = parameters;
    }

    /** A copy of the raw 32-byte private key (the RFC 8032 seed). */
    public byte[] encoded() {
      return parameters.getEncoded();
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
      return parameters.generatePublicKey().getEncoded();
    }

    @Override
    public String toString() {
      return "Ed25519.PrivateKey[hidden]";
    }
  }

  /** A fresh private key from the given source of randomness. */
  public static PrivateKey generatePrivateKey(SecureRandom random) {
    return new PrivateKey(new Ed25519PrivateKeyParameters(random));
  }

  /** The private key whose raw 32 bytes (the RFC 8032 seed) are {@code privateKey}. */
  public static PrivateKey privateKey(byte[] privateKey) {
    if (privateKey == null || privateKey.length != PRIVATE_KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 private key is " + PRIVATE_KEY_BYTES + " bytes");
    }
    return new PrivateKey(new Ed25519PrivateKeyParameters(privateKey, 0));
  }

  /** Derives the raw 32-byte public key from a raw 32-byte private key. */
  public static byte[] publicKeyOf(byte[] privateKey) {
    return privateKey(privateKey).publicKey();
  }

  /** Signs {@code message} with a raw 32-byte private key. */
  public static byte[] sign(byte[] privateKey, byte[] message) {
    return sign(privateKey(privateKey), message);
  }

  /** Signs {@code message} with {@code privateKey}. */
  public static byte[] sign(PrivateKey privateKey, byte[] message) {
    byte[] signature = new byte[SIGNATURE_BYTES];
    privateKey.parameters.sign(PURE, null, message, 0, message.length, signature, 0);
    return signature;
  }

  /**
   * Verifies a signature. Returns false, never throws, for a key or signature of the wrong length
   * or a key that is not a valid curve point: callers treat all of those as a bad signature.
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    Objects.requireNonNull(message, "message");
    if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES
        || signature == null || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    Ed25519PublicKeyParameters key;
    try {
      key = PUBLIC_KEYS.get(publicKey, bytes -> new Ed25519PublicKeyParameters(bytes, 0));
    } catch (IllegalArgumentException e) {
      return false; // not a point on the curve
    }
    return key.verify(PURE, null, message, 0, message.length, signature, 0);
  }
}
