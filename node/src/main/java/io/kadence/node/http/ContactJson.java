package io.kadence.node.http;

import io.kadence.dht.routing.Contact;
import java.util.List;

/**
 * A peer in the HTTP API's JSON: its node ID in 64 hex digits and its {@code host:port}.
 *
 * @param id the node ID
 * @param address where its transport listens
 */
record ContactJson(String id, String address) {
  static ContactJson of(Contact contact) {
    return new ContactJson(contact.id().toHex(), contact.address());
  }

  static List<ContactJson> of(List<Contact> contacts) {
    return contacts.stream().map(ContactJson::of).toList();
  }
}
