package io.kadence.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code --state} file: the acknowledged keys of earlier runs, so that a later run can get
 * them all again (e.g. after some peers were killed). JSON:
 * {@code {"version":1,"system":"kadence","runs":2,"keys":[{"key":..,"value":"<base64>",
 * "peer":"http://127.0.0.1:7480"}]}}. {@code runs} counts the runs that wrote it, so each run
 * names its keys apart from the earlier ones'.
 *
 * @param system the system the keys were put into
 * @param runs how many runs wrote this state
 * @param keys the acknowledged keys, oldest first
 */
public record BenchState(String system, int runs, List<RecordedKey> keys) {
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Keeps an immutable copy of the keys. */
  public BenchState {
    keys = List.copyOf(keys);
  }

  /** No earlier run. */
  public static BenchState empty(String system) {
    return new BenchState(system, 0, List.of());
  }

  /**
   * Reads {@code file}, or returns the empty state if it does not exist.
   *
   * @throws IllegalArgumentException if it cannot be read or is not a state file
   */
  public static BenchState load(Path file, String system) {
    if (!Files.exists(file)) {
      return empty(system);
    }
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      if (root == null || root.path("version").asInt() != VERSION || !root.path("keys").isArray()) {
        throw new IllegalArgumentException("state file " + file + " is not a kadence bench "
            + "state file (version " + VERSION + ")");
      }
      String stored = root.path("system").asText();
      if (!system.equals(stored)) {
        throw new IllegalArgumentException("state file " + file + " holds keys of " + stored
            + ", not " + system + "; use another --state file");
      }
      List<RecordedKey> keys = new ArrayList<>();
      for (JsonNode key : root.get("keys")) {
        keys.add(new RecordedKey(text(key, "key", file), Base64.getDecoder().decode(
            text(key, "value", file)), text(key, "peer", file)));
      }
      return new BenchState(system, root.path("runs").asInt(), keys);
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException("cannot read state file " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** Writes this state to {@code file} (through a temporary file beside it, then a move). */
  public void save(Path file) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("system", system);
    root.put("runs", runs);
    ArrayNode array = root.putArray("keys");
    for (RecordedKey key : keys) {
      array.addObject().put("key", key.key())
          .put("value", Base64.getEncoder().encodeToString(key.value()))
          .put("peer", key.peerUrl());
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    MAPPER.writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String text(JsonNode key, String field, Path file) {
    JsonNode value = key.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("a key in " + file + " has no '" + field + "'");
    }
    return value.asText();
  }
}
