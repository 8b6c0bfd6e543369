package io.kadence.node.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.NodeId;
import io.kadence.dht.routing.Contact;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LogCapturingExtension.class)
class PeerAddressesTest {
  private static final NodeId ID = TransportFixtures.idOf(TransportFixtures.key(1));

  @TempDir static Path dir;
  static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = TransportFixtures.startPeer(dir);
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void endpointPath_shouldNameTheUserEndpointWhenHostIsANameOrIpv4() {
    assertEquals("pekko://kadence@10.0.0.1:7400/user/endpoint",
        PeerAddresses.endpointPath("10.0.0.1", 7400));
    assertEquals("pekko://kadence@peer-1.example.org:1/user/endpoint",
        PeerAddresses.endpointPath("peer-1.example.org", 1));
  }

  @Test
  void endpointPath_shouldBracketTheHostWhenHostIsIpv6() {
    assertEquals("pekko://kadence@[::1]:7400/user/endpoint", PeerAddresses.endpointPath("::1", 7400));
    assertEquals("pekko://kadence@[2001:db8::1]:65535/user/endpoint",
        PeerAddresses.endpointPath("[2001:db8::1]", 65535));
    assertEquals("pekko://kadence@[::ffff:10.0.0.1]:7400/user/endpoint",
        PeerAddresses.endpointPath("::ffff:10.0.0.1", 7400));
  }

  @Test
  void endpointPath_shouldRefuseWhenHostCouldReshapeThePathOrIsNoHost() {
    for (String host : new String[] {"10.0.0.1:9/user/victim", "a/b", "x@y", "h#f", "h?q",
        "a b", "", "-a", "a-", ".a", "[a/b]", "[::1", "::1%eth0", "a".repeat(254), "[]"}) {
      assertThrows(IllegalArgumentException.class, () -> PeerAddresses.endpointPath(host, 7400),
          host);
    }
    assertThrows(IllegalArgumentException.class, () -> PeerAddresses.endpointPath("h", 0));
    assertThrows(IllegalArgumentException.class, () -> PeerAddresses.endpointPath("h", 65536));
  }

  @Test
  void endpointOf_shouldReachTheActorSpawnedAsEndpointWhenContactIsThisSystem() {
    TestProbe<byte[]> seen = kit.createTestProbe();
    ActorRef<PeerRequest> spawned = kit.spawn(Behaviors.<PeerRequest>receiveMessage(request -> {
      seen.getRef().tell(request.envelope());
      return Behaviors.same();
    }), PeerAddresses.ENDPOINT_NAME);
    try {
      // The node guardian, like the testkit's, is the user guardian: its child is /user/endpoint.
      assertEquals("/user/endpoint", spawned.path().toStringWithoutAddress());
      Contact self = TransportFixtures.contactOf(kit, TransportFixtures.key(1));
      ActorRef<PeerRequest> resolved = new PeerAddresses(kit.system()).endpointOf(self);
      TestProbe<PeerResponse> replies = kit.createTestProbe();
      resolved.tell(new PeerRequest(new byte[] {4, 2}, replies.getRef()));
      assertArrayEquals(new byte[] {4, 2}, seen.receiveMessage(TransportFixtures.PATIENCE));
    } finally {
      kit.stop(spawned);
    }
  }

  @Test
  void endpointOf_shouldReuseCachedRefsAndForgetTheLeastRecentWhenFull() {
    PeerAddresses addresses = new PeerAddresses(kit.system(), 2);
    Contact a = new Contact(ID, "10.0.0.1", 7400);
    Contact b = new Contact(ID, "10.0.0.2", 7400);
    ActorRef<PeerRequest> first = addresses.endpointOf(a);
    assertSame(first, addresses.endpointOf(new Contact(TransportFixtures.idOf(TransportFixtures.key(2)),
        "10.0.0.1", 7400)));
    addresses.endpointOf(b);
    addresses.endpointOf(new Contact(ID, "10.0.0.3", 7400));
    assertEquals(2, addresses.cachedRefs());
    assertEquals("pekko://kadence@10.0.0.1:7400/user/endpoint",
        addresses.endpointOf(a).path().toString());
  }

  @Test
  void endpointOf_shouldThrowWhenContactHostIsHostile() {
    Contact hostile = new Contact(ID, "10.0.0.1:9/system/x", 7400);
    assertThrows(IllegalArgumentException.class,
        () -> new PeerAddresses(kit.system()).endpointOf(hostile));
  }

  @Test
  void contactOf_shouldUseThisSystemsAddressWhenReplyRefIsLocal() {
    TestProbe<PeerResponse> local = kit.createTestProbe();
    Optional<Contact> contact = new PeerAddresses(kit.system()).contactOf(ID, local.getRef());
    assertEquals(Optional.of(TransportFixtures.contactOf(kit, TransportFixtures.key(1))), contact);
    assertTrue(contact.get().port() > 0);
  }

  @Test
  void contactOf_shouldUseTheRefsAddressWhenReplyRefIsRemote() {
    PeerAddresses addresses = new PeerAddresses(kit.system());
    assertEquals(Optional.of(new Contact(ID, "10.1.2.3", 7401)),
        addresses.contactOf(ID, remote("pekko://kadence@10.1.2.3:7401/temp/$a")));
    assertEquals(Optional.of(new Contact(ID, "::1", 7402)),
        addresses.contactOf(ID, remote("pekko://kadence@[::1]:7402/temp/$b")));
  }

  @Test
  void plainHost_shouldStripBracketsOnlyWhenHostIsIpv6() {
    assertEquals(Optional.of("::1"), PeerAddresses.plainHost("[::1]"));
    assertEquals(Optional.of("::1"), PeerAddresses.plainHost("::1"));
    assertEquals(Optional.empty(), PeerAddresses.plainHost("[example.org]"));
    assertEquals(Optional.empty(), PeerAddresses.plainHost(null));
  }

  private static ActorRef<PeerResponse> remote(String path) {
    return ActorRefResolver.get(kit.system()).resolveActorRef(path);
  }
}
