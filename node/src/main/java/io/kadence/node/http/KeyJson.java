package io.kadence.node.http;

import io.kadence.dht.record.SignedRecord;
import io.kadence.node.lookup.GetResult;
import io.kadence.node.lookup.PutResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The JSON answers of {@code PUT} and {@code GET /v1/keys/{key}} (docs/HTTP-API.md, "Shapes"). */
final class KeyJson {
  private KeyJson() {}

  /** How a put went; also the {@code detail} of a {@code quorum_not_reached}. */
  record Put(String key, String keyId, boolean success, int stored, int pending, int quorum,
      int replication, boolean soleCopy, List<Replica> replicas) {
    static Put of(String key, PutResult result) {
      List<Replica> replicas = result.outcomes().stream().map(o -> new Replica(
          o.replica().id().toHex(), o.replica().address(), o.status().name(),
          o.refusal().map(Enum::name).orElse(null))).toList();
      return new Put(key, result.key().toHex(), result.success(), result.stored(),
          result.pending(), result.quorum(), result.replication(), result.soleCopy(), replicas);
    }
  }

  /** What became of the store sent to one replica; {@code refusal} only if it refused. */
  record Replica(String id, String address, String status, String refusal) {}

  /** The newest record of each publisher of a key. */
  record Get(String key, String keyId, List<Record> records, int repairs) {
    static Get of(String key, GetResult result) {
      return new Get(key, result.key().toHex(),
          result.records().stream().map(KeyJson::record).toList(), result.repairsSent());
    }
  }

  /** One record; {@code text} is the value as UTF-8 if it is valid UTF-8, else null. */
  record Record(String publisher, long sequence, String created, String expires, String value,
      String text) {}

  private static Record record(SignedRecord r) {
    byte[] value = r.value();
    return new Record(r.publisherId().toHex(), r.sequence(), r.created().toString(),
        r.expiresAt().toString(), Base64.getEncoder().encodeToString(value), utf8(value));
  }

  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
