package io.kadence.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a child peer says about itself ({@code GET /v1/node}, docs/HTTP-API.md): the fields
 * tests wait on, and the whole answer.
 *
 * @param id its node ID, 64 hex digits
 * @param address where other peers reach it, {@code host:port}
 * @param state its lifecycle state, e.g. {@code SERVING}
 * @param members cluster members it knows of, in any status
 * @param unreachable members its failure detector marks unreachable
 * @param routingContacts contacts in its routing table
 * @param records records in its own store
 * @param json the whole answer (counters by message type and rejection reason)
 */
public record PeerInfo(String id, String address, String state, int members, int unreachable,
    int routingContacts, int records, JsonNode json) {

  static PeerInfo of(JsonNode json) {
    return new PeerInfo(json.path("id").asText(), json.path("address").asText(),
        json.path("state").asText(), json.path("members").asInt(),
        json.path("unreachable").asInt(), json.path("routingContacts").asInt(),
        json.path("storage").path("records").asInt(), json);
  }

  /** The short form, without the counters. */
  @Override
  public String toString() {
    return "PeerInfo[" + id.substring(0, Math.min(8, id.length())) + "@" + address + " " + state
        + ", members=" + members + ", unreachable=" + unreachable + ", routingContacts="
        + routingContacts + ", records=" + records + "]";
  }
}
