package io.kadence.node.routing;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing contacts a peer saves in its data directory so that after a restart it can rejoin
 * through any of them without a bootstrap node (DESIGN.md, "Persistence"). One contact a line:
 * {@code <64 hex node id> <host> <port>}, after a {@code kadence-contacts 1} header. Lines that
 * do not parse are skipped: the file is a hint, and every contact is verified again by a signed
 * PING before it re-enters a routing table.
 */
public final class SavedContacts {
  static final String HEADER = "kadence-contacts 1";
  /** More than any routing table holds in practice; bounds what a damaged file can cost. */
  static final int MAX_CONTACTS = 10_000;

  private SavedContacts() {}

  /** Writes {@code contacts} to {@code file} atomically (temp file, then move). */
  public static void save(Path file, List<Contact> contacts) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Contact c : contacts.subList(0, Math.min(contacts.size(), MAX_CONTACTS))) {
      text.append(c.id().toHex()).append(' ').append(c.host()).append(' ').append(c.port())
          .append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Saves {@code contacts} as {@link #save} does, unless there are none. An empty table says
   * nothing new (a peer starting, or cut off): the saved contacts stay, the only way back into
   * the network for a restart without a bootstrap node.
   */
  static void saveUnlessEmpty(Path file, List<Contact> contacts) throws IOException {
    if (!contacts.isEmpty()) {
      save(file, contacts);
    }
  }

  /** The contacts saved in {@code file}; empty if there is no file or it is not ours. */
  public static List<Contact> load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      return List.of();
    }
    List<Contact> contacts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (contacts.size() == MAX_CONTACTS) {
        break;
      }
      String[] parts = line.split(" ");
      if (parts.length != 3) {
        continue;
      }
      try {
        contacts.add(new Contact(NodeId.fromHex(parts[0]), parts[1], Integer.parseInt(parts[2])));
      } catch (IllegalArgumentException e) {
        // skip a damaged line; see the class comment
      }
    }
    return List.copyOf(contacts);
  }
}
