package io.kadence.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedContactsTest {
  private final Random random = new Random(7);
  private final Contact a = new Contact(NodeId.random(random), "127.0.0.1", 4001);
  private final Contact b = new Contact(NodeId.random(random), "10.0.0.2", 4002);
  @TempDir Path dir;

  @Test
  void saveUnlessEmpty_shouldKeepTheSavedContactsWhenThereAreNone() throws Exception {
    Path file = dir.resolve("contacts");
    SavedContacts.saveUnlessEmpty(file, List.of(a, b));

    SavedContacts.saveUnlessEmpty(file, List.of());

    assertEquals(List.of(a, b), SavedContacts.load(file));
  }

  @Test
  void saveUnlessEmpty_shouldWriteNoFileWhenThereAreNoContacts() throws Exception {
    Path file = dir.resolve("contacts");

    SavedContacts.saveUnlessEmpty(file, List.of());

    assertFalse(Files.exists(file));
  }
}
