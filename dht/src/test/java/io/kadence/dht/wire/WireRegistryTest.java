package io.kadence.dht.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import io.kadence.dht.id.Key;
import io.kadence.dht.id.NodeId;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.routing.Contact;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WireRegistryTest {
  @Test
  void registrations_shouldMatchPinnedTableWhenListed() {
    // The ids are protocol: this table changes only by appending.
    Map<Integer, Class<?>> pinned = new LinkedHashMap<>();
    pinned.put(20, byte[].class);
    pinned.put(21, NodeId.class);
    pinned.put(22, Key.class);
    pinned.put(23, Contact.class);
    pinned.put(24, SignedRecord.class);
    pinned.put(100, Message.Ping.class);
    pinned.put(101, Message.Pong.class);
    pinned.put(102, Message.FindNode.class);
    pinned.put(103, Message.Nodes.class);
    pinned.put(104, Message.FindValue.class);
    pinned.put(105, Message.Value.class);
    pinned.put(106, Message.Store.class);
    pinned.put(107, Message.StoreAck.class);
    pinned.put(108, Message.Leave.class);
    assertEquals(pinned, WireRegistry.registrations());
  }

  @Test
  void registrations_shouldCoverEveryMessageTypeWhenSealedHierarchyGrows() {
    for (Class<?> type : Message.class.getPermittedSubclasses()) {
      int id = WireRegistry.typeOf(type.asSubclass(Message.class));
      assertEquals(Optional.of(type), WireRegistry.messageClass(id));
      assertTrue(id >= 100 && id < WireRegistry.FIRST_FREE_ID, type + " id " + id);
    }
    assertEquals(Message.class.getPermittedSubclasses().length,
        WireRegistry.registrations().keySet().stream().filter(id -> id >= 100).count());
  }

  @Test
  void newKryo_shouldRegisterEachClassUnderItsIdWhenCreated() {
    Kryo kryo = WireRegistry.newKryo(WireLimits.DEFAULTS);
    WireRegistry.registrations().forEach((id, type) -> {
      assertEquals(type, kryo.getRegistration(id).getType());
      assertEquals(id, kryo.getRegistration(type).getId());
      assertFalse(WireRegistry.RETIRED_IDS.contains(id));
    });
  }

  @Test
  void newKryo_shouldRefuseWhenClassIsNotRegistered() {
    Kryo kryo = WireRegistry.newKryo(WireLimits.DEFAULTS);
    assertThrows(IllegalArgumentException.class,
        () -> kryo.writeClassAndObject(new Output(64), new java.util.ArrayList<Integer>()));
  }

  @Test
  void messageClass_shouldBeEmptyWhenIdIsNotAMessage() {
    for (int id : new int[] {-1, 0, 1, 8, WireRegistry.BYTES, WireRegistry.SIGNED_RECORD, 99,
        109, WireRegistry.FIRST_FREE_ID, 65535, Integer.MAX_VALUE}) {
      assertEquals(Optional.empty(), WireRegistry.messageClass(id), "id " + id);
    }
  }
}
