package io.kadence.crypto.envelope;

import io.kadence.crypto.replay.ReplayWindow;
import io.kadence.crypto.sign.Ed25519;
import io.kadence.crypto.key.NodeKeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The recipient's checks on every incoming {@link SignedEnvelope} (DESIGN.md, "Identity,
 * signatures and the wire"; the order is the one the {@code PeerEndpoint} section gives):
 * <ol>
 *   <li>size and form: decodes within the payload limit, protocol version 1 ({@link Rejection#MALFORMED});
 *   <li>the Ed25519 signature over the signing content (RFC 8032, 5.1.7) ({@link Rejection#BAD_SIGNATURE});
 *   <li>sender binding: sender ID = SHA-256(sender key) ({@link Rejection#SENDER_ID_MISMATCH});
 *   <li>recipient = this node, or anyone ({@link SignedEnvelope#anyone()}) for the payload types
 *       the owner allows that for ({@link Rejection#WRONG_RECIPIENT});
 *   <li>freshness: |now − timestamp| ≤ the window ({@link Rejection#STALE});
 *   <li>replay: the (sender ID, request id) pair is new ({@link Rejection#REPLAYED}).
 * </ol>
 * The signature is checked before anything an attacker could use to make this node spend state:
 * only authenticated, fresh envelopes for this node reach the replay window, so a forger cannot
 * burn another sender's request ids or fill the window.
 *
 * <p>Not thread-safe (the replay window is not); one instance per owning actor.
 */
public final class EnvelopeVerifier {
  private final byte[] localNodeId;
  private final Clock clock;
  private final long freshnessMillis;
  private final ReplayWindow replayWindow;
  private final int maxPayloadBytes;
  private final IntPredicate toAnyoneTypes;

  /**
   * A verifier for the node {@code localNodeId} that accepts timestamps within {@code freshness}
   * of {@code clock} either way and payloads of at most {@code maxPayloadBytes}. The replay
   * window must retain pairs at least as long as {@code freshness}, or honest envelopes near the
   * edge of the window would be refused as replays.
   */
  public EnvelopeVerifier(byte[] localNodeId, Clock clock, Duration freshness,
      ReplayWindow replayWindow, int maxPayloadBytes) {
    this(localNodeId, clock, freshness, replayWindow, maxPayloadBytes, type -> false);
  }

  /**
   * As above, also accepting envelopes addressed to anyone ({@link SignedEnvelope#anyone()})
   * whose payload type passes {@code toAnyoneTypes}. Allow that only for requests whose
   * acceptance changes nothing for the sender's sake: any recipient may pass such an envelope on
   * to others, who will find it authentic and fresh.
   */
  public EnvelopeVerifier(byte[] localNodeId, Clock clock, Duration freshness,
      ReplayWindow replayWindow, int maxPayloadBytes, IntPredicate toAnyoneTypes) {
    if (Objects.requireNonNull(localNodeId, "localNodeId").length != EnvelopeCodec.ID_BYTES) {
      throw new IllegalArgumentException("localNodeId must be " + EnvelopeCodec.ID_BYTES + " bytes");
    }
    if (freshness.isNegative()) {
      throw new IllegalArgumentException("freshness must not be negative: " + freshness);
    }
    if (replayWindow.retentionMillis() < freshness.toMillis()) {
      throw new IllegalArgumentException("replay window retention " + replayWindow.retentionMillis()
          + " ms is shorter than the freshness window " + freshness.toMillis() + " ms");
    }
    if (maxPayloadBytes < 0) {
      throw new IllegalArgumentException("maxPayloadBytes must not be negative: " + maxPayloadBytes);
    }
    this.localNodeId = localNodeId.clone();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.freshnessMillis = freshness.toMillis();
    this.replayWindow = replayWindow;
    this.maxPayloadBytes = maxPayloadBytes;
    this.toAnyoneTypes = Objects.requireNonNull(toAnyoneTypes, "toAnyoneTypes");
  }

  /** Decodes and verifies wire bytes; the accepted result carries the decoded envelope. */
  public Verification verify(byte[] raw) {
    SignedEnvelope envelope;
    try {
      envelope = SignedEnvelope.fromBytes(raw, maxPayloadBytes);
    } catch (MalformedEnvelopeException e) {
      return new Verification.Rejected(Rejection.MALFORMED, e.problem() + ": " + e.getMessage());
    }
    return verify(envelope);
  }

  /** Verifies an envelope already decoded; on acceptance its pair is recorded against replay. */
  public Verification verify(SignedEnvelope envelope) {
    if (envelope.protocolVersion() != SignedEnvelope.PROTOCOL_VERSION) {
      return rejected(Rejection.MALFORMED, "protocol version " + envelope.protocolVersion());
    }
    if (envelope.rawPayload().length > maxPayloadBytes) {
      return rejected(Rejection.MALFORMED, "payload of " + envelope.rawPayload().length
          + " bytes exceeds the limit of " + maxPayloadBytes);
    }
    byte[] senderKey = envelope.rawSenderPublicKey();
    if (!Ed25519.verify(senderKey, envelope.signingContent(), envelope.rawSignature())) {
      return rejected(Rejection.BAD_SIGNATURE, "signature does not verify for key " + shortHex(senderKey));
    }
    if (!Arrays.equals(NodeKeyPair.nodeIdOf(senderKey), envelope.rawSenderId())) {
      return rejected(Rejection.SENDER_ID_MISMATCH, "sender id " + shortHex(envelope.rawSenderId())
          + " is not the hash of key " + shortHex(senderKey));
    }
    if (!Arrays.equals(localNodeId, envelope.rawRecipientId())) {
      if (!envelope.toAnyone()) {
        return rejected(Rejection.WRONG_RECIPIENT,
            "addressed to " + shortHex(envelope.rawRecipientId()));
      }
      if (!toAnyoneTypes.test(envelope.payloadType())) {
        return rejected(Rejection.WRONG_RECIPIENT, "addressed to anyone, which payload type "
            + envelope.payloadType() + " may not be");
      }
    }
    long now = clock.millis();
    long timestamp = envelope.timestampMillis();
    // Saturating bounds: no timestamp a sender signs can wrap the comparison.
    long earliest = now >= Long.MIN_VALUE + freshnessMillis ? now - freshnessMillis : Long.MIN_VALUE;
    long latest = now <= Long.MAX_VALUE - freshnessMillis ? now + freshnessMillis : Long.MAX_VALUE;
    if (timestamp < earliest || timestamp > latest) {
      return rejected(Rejection.STALE, "timestamp " + timestamp + " is outside " + earliest + ".."
          + latest + " (local clock " + now + ", window " + freshnessMillis + " ms either way)");
    }
    ReplayWindow.Outcome replay = replayWindow.checkAndRecord(
        envelope.rawSenderId(), envelope.requestId(), timestamp, now);
    if (replay != ReplayWindow.Outcome.ACCEPTED) {
      return rejected(Rejection.REPLAYED,
          replay + " for request " + Long.toUnsignedString(envelope.requestId()));
    }
    return new Verification.Accepted(envelope);
  }

  private static Verification rejected(Rejection reason, String detail) {
    return new Verification.Rejected(reason, detail);
  }

  private static String shortHex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes, 0, 4);
  }
}
