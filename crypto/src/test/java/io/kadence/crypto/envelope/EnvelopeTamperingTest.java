package io.kadence.crypto.envelope;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.crypto.key.NodeKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive single-byte tampering: no change to any byte of the wire encoding yields an
 * accepted envelope, and each is caught by decoding or the signature, not by a later check.
 */
class EnvelopeTamperingTest {
  private static final Set<Rejection> CAUGHT_EARLY = EnumSet.of(Rejection.MALFORMED, Rejection.BAD_SIGNATURE);

  @Test
  void verify_shouldNeverAcceptWhenAnyByteIsFlipped() {
    NodeKeyPair sender = EnvelopeFixtures.sender();
    SignedEnvelope e = SignedEnvelope.sign(sender, EnvelopeFixtures.localId(), EnvelopeFixtures.REQUEST_ID,
        EnvelopeFixtures.NOW, 7, "find-node 0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    byte[] wire = e.toBytes();
    assertTrue(freshVerifier().verify(wire).isAccepted(), "the untouched envelope must pass");

    int[] masks = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff};
    for (int i = 0; i < wire.length; i++) {
      for (int mask : masks) {
        byte[] tampered = wire.clone();
        tampered[i] ^= (byte) mask;
        // A fresh verifier each time, so no rejection is a replay-window artefact.
        Verification v = freshVerifier().verify(tampered);
        String where = "byte " + i + " ^ 0x" + Integer.toHexString(mask) + ": " + v;
        assertFalse(v.isAccepted(), where);
        assertTrue(CAUGHT_EARLY.contains(((Verification.Rejected) v).reason()), where);
      }
    }
  }

  private static EnvelopeVerifier freshVerifier() {
    return EnvelopeFixtures.verifier(new ManualClock(java.time.Instant.ofEpochMilli(EnvelopeFixtures.NOW)));
  }
}
