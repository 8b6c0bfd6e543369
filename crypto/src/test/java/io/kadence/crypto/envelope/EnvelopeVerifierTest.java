package io.kadence.crypto.envelope;

import static io.kadence.crypto.envelope.EnvelopeFixtures.FRESHNESS;
import static io.kadence.crypto.envelope.EnvelopeFixtures.MAX_PAYLOAD;
import static io.kadence.crypto.envelope.EnvelopeFixtures.NOW;
import static io.kadence.crypto.envelope.EnvelopeFixtures.REQUEST_ID;
import static io.kadence.crypto.envelope.EnvelopeFixtures.localId;
import static io.kadence.crypto.envelope.EnvelopeFixtures.resign;
import static io.kadence.crypto.envelope.EnvelopeFixtures.sample;
import static io.kadence.crypto.envelope.EnvelopeFixtures.sender;
import static io.kadence.crypto.envelope.EnvelopeFixtures.signed;
import static io.kadence.crypto.envelope.EnvelopeFixtures.stranger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.crypto.testing.ManualClock;
import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.crypto.key.NodeKeyPair;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every rejection reason, provoked one at a time, and the order of the checks. */
class EnvelopeVerifierTest {
  private final ManualClock clock = new ManualClock(java.time.Instant.ofEpochMilli(NOW));
  private final EnvelopeVerifier verifier = EnvelopeFixtures.verifier(clock);

  private static Rejection reasonOf(Verification v) {
    assertTrue(v instanceof Verification.Rejected, "expected a rejection, got " + v);
    return ((Verification.Rejected) v).reason();
  }

  private static SignedEnvelope with(SignedEnvelope e, byte[] senderKey, byte[] senderId, byte[] recipient,
      long timestamp, byte[] payload) {
    return new SignedEnvelope(e.protocolVersion(), senderKey, senderId, recipient, e.requestId(), timestamp,
        e.payloadType(), payload, e.signature());
  }

  @Test
  void verify_shouldAcceptAndReturnEnvelopeWhenEverythingChecksOut() {
    SignedEnvelope e = sample();
    Verification v = verifier.verify(e.toBytes());
    assertTrue(v.isAccepted(), v.toString());
    assertEquals(e, ((Verification.Accepted) v).envelope());
  }

  @Test
  void verify_shouldRejectMalformedWhenBytesAreTruncatedOversizeOrOtherVersion() {
    byte[] wire = sample().toBytes();
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(Arrays.copyOf(wire, wire.length - 1))));
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(Arrays.copyOf(wire, wire.length + 1))));
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(new byte[0])));
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(signedWithPayload(MAX_PAYLOAD + 1).toBytes())));
    wire[0] = 2;
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(wire)));
  }

  @Test
  void verify_shouldRejectMalformedWhenDecodedEnvelopeBreaksLimits() {
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(signedWithPayload(MAX_PAYLOAD + 1))));
    SignedEnvelope e = sample();
    SignedEnvelope v2 = resign(new SignedEnvelope(2, e.senderPublicKey(), e.senderId(), e.recipientId(),
        e.requestId(), e.timestampMillis(), e.payloadType(), e.payload(), e.signature()), sender());
    assertEquals(Rejection.MALFORMED, reasonOf(verifier.verify(v2)));
    assertTrue(verifier.verify(signedWithPayload(MAX_PAYLOAD)).isAccepted());
  }

  @Test
  void verify_shouldRejectBadSignatureWhenPayloadOrSignatureIsTampered() {
    SignedEnvelope e = sample();
    SignedEnvelope otherPayload = with(e, e.senderPublicKey(), e.senderId(), e.recipientId(), NOW,
        "pong".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(Rejection.BAD_SIGNATURE, reasonOf(verifier.verify(otherPayload)));
    byte[] signature = e.signature();
    signature[10] ^= 0x40;
    assertEquals(Rejection.BAD_SIGNATURE, reasonOf(verifier.verify(e.withSignature(signature))));
  }

  @Test
  void verify_shouldRejectBadSignatureWhenSignedByAnotherKeyThanClaimed() {
    NodeKeyPair s = stranger();
    // Claims the stranger's key and id, but the sender signed it.
    SignedEnvelope claimed = resign(with(sample(), s.publicKey(), s.nodeId(), localId(), NOW, new byte[0]),
        sender());
    assertEquals(Rejection.BAD_SIGNATURE, reasonOf(verifier.verify(claimed)));
  }

  @Test
  void verify_shouldRejectSenderIdMismatchWhenIdIsNotHashOfKey() {
    // Validly signed by the holder of the key, but claiming the stranger's node ID.
    SignedEnvelope e = sample();
    SignedEnvelope impostor = resign(with(e, e.senderPublicKey(), stranger().nodeId(), localId(), NOW,
        e.payload()), sender());
    assertEquals(Rejection.SENDER_ID_MISMATCH, reasonOf(verifier.verify(impostor)));
    assertEquals(Rejection.SENDER_ID_MISMATCH, reasonOf(verifier.verify(impostor.toBytes())));
  }

  @Test
  void verify_shouldRejectWrongRecipientWhenSignedForAnotherNode() {
    SignedEnvelope e = SignedEnvelope.sign(sender(), stranger().nodeId(), REQUEST_ID, NOW, 1, new byte[0]);
    assertEquals(Rejection.WRONG_RECIPIENT, reasonOf(verifier.verify(e)));
  }

  @Test
  void verify_shouldRejectAnEnvelopeToAnyoneWhenItsTypeIsNotAllowedThat() {
    SignedEnvelope e = SignedEnvelope.sign(sender(), SignedEnvelope.anyone(), REQUEST_ID, NOW, 1,
        new byte[0]);
    assertTrue(e.toAnyone());
    assertEquals(Rejection.WRONG_RECIPIENT, reasonOf(verifier.verify(e)));
    EnvelopeVerifier onlyType2 = new EnvelopeVerifier(localId(), clock, FRESHNESS,
        new ReplayWindow(FRESHNESS, 10), MAX_PAYLOAD, type -> type == 2);
    assertEquals(Rejection.WRONG_RECIPIENT, reasonOf(onlyType2.verify(e)));
  }

  @Test
  void verify_shouldAcceptAnEnvelopeToAnyoneOnceWhenItsTypeIsAllowedThat() {
    EnvelopeVerifier type1 = new EnvelopeVerifier(localId(), clock, FRESHNESS,
        new ReplayWindow(FRESHNESS, 10), MAX_PAYLOAD, type -> type == 1);
    SignedEnvelope e = SignedEnvelope.sign(sender(), SignedEnvelope.anyone(), REQUEST_ID, NOW, 1,
        new byte[0]);
    assertTrue(type1.verify(e.toBytes()).isAccepted());
    // Still signed, bound to the key, fresh and new: only the recipient check is relaxed.
    assertEquals(Rejection.REPLAYED, reasonOf(type1.verify(e.toBytes())));
    assertEquals(Rejection.BAD_SIGNATURE, reasonOf(type1.verify(resign(e, stranger()))));
    SignedEnvelope stale = SignedEnvelope.sign(sender(), SignedEnvelope.anyone(), REQUEST_ID + 1,
        NOW - FRESHNESS.toMillis() - 1, 1, new byte[0]);
    assertEquals(Rejection.STALE, reasonOf(type1.verify(stale)));
    // One non-zero byte makes it an envelope for another node.
    byte[] almostAnyone = SignedEnvelope.anyone();
    almostAnyone[31] = 1;
    SignedEnvelope other = SignedEnvelope.sign(sender(), almostAnyone, REQUEST_ID + 2, NOW, 1,
        new byte[0]);
    assertEquals(Rejection.WRONG_RECIPIENT, reasonOf(type1.verify(other)));
  }

  @Test
  void verify_shouldRejectStaleWhenTimestampIsOutsideWindowEitherWay() {
    long window = FRESHNESS.toMillis();
    assertEquals(Rejection.STALE, reasonOf(verifier.verify(signed(1, NOW - window - 1))));
    assertEquals(Rejection.STALE, reasonOf(verifier.verify(signed(2, NOW + window + 1))));
    assertEquals(Rejection.STALE, reasonOf(verifier.verify(signed(3, Long.MIN_VALUE))));
    assertEquals(Rejection.STALE, reasonOf(verifier.verify(signed(4, Long.MAX_VALUE))));
    assertTrue(verifier.verify(signed(5, NOW - window)).isAccepted());
    assertTrue(verifier.verify(signed(6, NOW + window)).isAccepted());
  }

  @Test
  void verify_shouldRejectReplayedWhenSameEnvelopeArrivesTwice() {
    byte[] wire = sample().toBytes();
    assertTrue(verifier.verify(wire).isAccepted());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Rejection.REPLAYED, reasonOf(verifier.verify(wire)));
    assertEquals(Rejection.REPLAYED, reasonOf(verifier.verify(signed(REQUEST_ID, NOW + 5))));
  }

  @Test
  void verify_shouldRejectStaleNotAcceptWhenReplayedAfterWindowHasPassed() {
    byte[] wire = sample().toBytes();
    assertTrue(verifier.verify(wire).isAccepted());
    clock.advance(FRESHNESS.plusMillis(1));
    assertEquals(Rejection.STALE, reasonOf(verifier.verify(wire)));
  }

  @Test
  void verify_shouldReportSignatureFirstWhenEnvelopeIsAlsoStaleAndMisaddressed() {
    SignedEnvelope e = sample();
    SignedEnvelope everythingWrong = with(e, e.senderPublicKey(), stranger().nodeId(),
        stranger().nodeId(), NOW - 10 * FRESHNESS.toMillis(), e.payload());
    assertEquals(Rejection.BAD_SIGNATURE, reasonOf(verifier.verify(everythingWrong)));
    SignedEnvelope signedButWrong = resign(everythingWrong, sender());
    assertEquals(Rejection.SENDER_ID_MISMATCH, reasonOf(verifier.verify(signedButWrong)));
    SignedEnvelope staleAndMisaddressed = resign(with(e, e.senderPublicKey(), e.senderId(),
        stranger().nodeId(), NOW - 10 * FRESHNESS.toMillis(), e.payload()), sender());
    assertEquals(Rejection.WRONG_RECIPIENT, reasonOf(verifier.verify(staleAndMisaddressed)));
  }

  @Test
  void verify_shouldNotRecordPairWhenEnvelopeIsRejectedEarlier() {
    SignedEnvelope genuine = sample();
    byte[] forged = genuine.signature();
    forged[0] ^= 1;
    // A forger reusing the sender's request id must not burn it.
    assertEquals(Rejection.BAD_SIGNATURE, reasonOf(verifier.verify(genuine.withSignature(forged))));
    // Nor does an envelope from the future that is not fresh yet.
    SignedEnvelope early = signed(99, NOW + FRESHNESS.toMillis() + 1);
    assertEquals(Rejection.STALE, reasonOf(verifier.verify(early)));
    assertTrue(verifier.verify(genuine).isAccepted());
    clock.advance(Duration.ofMillis(1));
    assertTrue(verifier.verify(early).isAccepted());
  }

  @Test
  void constructor_shouldThrowWhenReplayWindowIsShorterThanFreshness() {
    ReplayWindow shortWindow = new ReplayWindow(FRESHNESS.minusMillis(1), 10);
    assertThrows(IllegalArgumentException.class,
        () -> new EnvelopeVerifier(localId(), clock, FRESHNESS, shortWindow, MAX_PAYLOAD));
    ReplayWindow window = new ReplayWindow(FRESHNESS, 10);
    assertThrows(IllegalArgumentException.class,
        () -> new EnvelopeVerifier(new byte[31], clock, FRESHNESS, window, MAX_PAYLOAD));
    assertThrows(IllegalArgumentException.class,
        () -> new EnvelopeVerifier(localId(), clock, FRESHNESS, window, -1));
  }

  private static SignedEnvelope signedWithPayload(int size) {
    return SignedEnvelope.sign(sender(), localId(), size, NOW, 1, new byte[size]);
  }
}
