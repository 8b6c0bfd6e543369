package io.kadence.node.http;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON answers of {@code GET /v1/local/keys} and {@code /v1/local/keys/{key-or-id}}
 * (docs/HTTP-API.md, "Shapes"): the records this peer itself holds, by key id. Values are left
 * out: the answers say where copies are, {@code GET /v1/keys/{key}} reads them.
 */
final class LocalJson {
  private LocalJson() {}

  /**
   * One page of the keys held, in key id order: the keys after {@code after} (exclusive), at
   * most {@code limit} of them; {@code next} is the cursor of the following page, null on the
   * last one; {@code keys} counts every key held.
   */
  record Page(int keys, int records, List<HeldKey> page, String next) {
    static Page of(List<SignedRecord> held, Optional<NodeId> after, int limit) {
      TreeMap<NodeId, List<SignedRecord>> byKey = new TreeMap<>();
      held.forEach(r -> byKey.computeIfAbsent(r.key().id(), k -> new ArrayList<>()).add(r));
      Map<NodeId, List<SignedRecord>> rest = after.isPresent()
          ? byKey.tailMap(after.get(), false) : byKey;
      List<HeldKey> page = new ArrayList<>();
      String next = null;
      for (Map.Entry<NodeId, List<SignedRecord>> e : rest.entrySet()) {
        if (page.size() == limit) {
          next = page.get(page.size() - 1).keyId();
          break;
        }
        page.add(HeldKey.of(null, e.getKey(), e.getValue()));
      }
      return new Page(byKey.size(), held.size(), page, next);
    }
  }

  /** The records held of one key; {@code key} is the user key if the request named one. */
  record HeldKey(String key, String keyId, List<HeldRecord> records) {
    static HeldKey of(String key, NodeId keyId, List<SignedRecord> records) {
      return new HeldKey(key, keyId.toHex(), records.stream()
          .sorted(Comparator.comparing(SignedRecord::publisherId))
          .map(HeldRecord::of).toList());
    }
  }

  /** One record held: its slot, version and lifetime, and its value's size. */
  record HeldRecord(String publisher, long sequence, String created, String expires,
      int valueBytes) {
    static HeldRecord of(SignedRecord r) {
      return new HeldRecord(r.publisherId().toHex(), r.sequence(), r.created().toString(),
          r.expiresAt().toString(), r.valueLength());
    }
  }
}
