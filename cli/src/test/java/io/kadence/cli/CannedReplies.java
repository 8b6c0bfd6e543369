package io.kadence.cli;

/** Replies of a peer's HTTP API exactly as docs/HTTP-API.md shapes them. */
public final class CannedReplies {
  /** A node ID (SHA-256 of "a"). */
  public static final String ID_A =
      "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
  /** Another node ID (SHA-256 of "b"). */
  public static final String ID_B =
      "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d";
  /** The key ID of "greeting". */
  public static final String KEY_ID =
      "27ba1ee1efad7a1b5e51a6e37e2f5f3ac9d5a9cf0bb38e8e6a8f9b1f54e2d0e1";

  public static final String PUT_OK = """
      {"key": "greeting", "keyId": "%s", "success": true, "stored": 2, "pending": 0,
       "quorum": 2, "replication": 3, "soleCopy": false,
       "replicas": [{"id": "%s", "address": "127.0.0.1:7401", "status": "STORED",
                     "refusal": null},
                    {"id": "%s", "address": "127.0.0.1:7402", "status": "STORED",
                     "refusal": null}]}
      """.formatted(KEY_ID, ID_A, ID_B);

  public static final String GET_OK = """
      {"key": "greeting", "keyId": "%s",
       "records": [{"publisher": "%s", "sequence": 1763780000000,
                    "created": "2026-11-22T03:00:00Z", "expires": "2026-11-23T03:00:00Z",
                    "value": "aGVsbG8=", "text": "hello"},
                   {"publisher": "%s", "sequence": 7,
                    "created": "2026-11-22T03:00:00Z", "expires": "2026-11-23T03:00:00Z",
                    "value": "AAH/", "text": null}],
       "repairs": 1}
      """.formatted(KEY_ID, ID_A, ID_B);

  public static final String LOOKUP_TRACE = """
      {"target": "%s", "closest": [{"id": "%s", "address": "127.0.0.1:7402"},
                                   {"id": "%s", "address": "127.0.0.1:7401"}],
       "rounds": 2, "queried": 5, "failed": [], "elapsedMs": 12, "timedOut": false,
       "trace": ["+0 ms #1 hop 1 ca978112@127.0.0.1:7402 asked", "+3 ms #1 answered"]}
      """.formatted(KEY_ID, ID_A, ID_B);

  public static final String NODE = """
      {"id": "%s", "address": "127.0.0.1:7400", "state": "SERVING", "uptimeMs": 205000,
       "routingContacts": 5, "members": 6, "unreachable": 0,
       "storage": {"records": 10, "keys": 10, "valueBytes": 120, "refusals": {"EXPIRED": 0}},
       "messages": {"inboundRequests": {"Ping": 3}, "inboundRejections": {"BAD_SIGNATURE": 0},
                    "handlerFailures": 0, "outboundCalls": {"Store": 4},
                    "outboundFailures": {"TIMEOUT": 0}}}
      """.formatted(ID_A);

  public static final String ROUTING = """
      {"self": "%s", "size": 1,
       "buckets": [{"index": 255, "contacts": [{"id": "%s", "address": "127.0.0.1:7401"}],
                    "cache": []}]}
      """.formatted(ID_A, ID_B);

  public static final String MEMBERS = """
      {"members": [{"address": "127.0.0.1:7400", "id": "%s", "status": "Up", "reachable": true},
                   {"address": "127.0.0.1:7401", "id": "%s", "status": "Up",
                    "reachable": false}]}
      """.formatted(ID_A, ID_B);

  public static final String LEAVING = "{\"state\": \"LEAVING\"}";

  public static final String NOT_FOUND =
      "{\"error\": \"not_found\", \"message\": \"no record for key 'greeting'\"}";

  public static final String VALUE_TOO_LARGE = "{\"error\": \"value_too_large\", "
      + "\"message\": \"value too large: 70000 bytes, the limit is 65536\"}";

  public static final String QUORUM_NOT_REACHED = """
      {"error": "quorum_not_reached", "message": "stored on 1 of 3 replicas, the quorum is 2",
       "detail": {"key": "greeting", "keyId": "%s", "success": false, "stored": 1,
                  "quorum": 2, "replication": 3, "soleCopy": false, "replicas": []}}
      """.formatted(KEY_ID);

  public static final String NOT_SERVING =
      "{\"error\": \"not_serving\", \"message\": \"the node is leaving\"}";

  public static final String UNAUTHORIZED =
      "{\"error\": \"unauthorized\", \"message\": \"wrong or missing admin token\"}";

  private CannedReplies() {}
}
