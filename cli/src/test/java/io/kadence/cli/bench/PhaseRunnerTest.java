package io.kadence.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhaseRunnerTest {
  private static final List<URI> PEERS = List.of(URI.create("http://127.0.0.1:7480"),
      URI.create("http://127.0.0.1:7481"), URI.create("http://127.0.0.1:7482"));

  private static PhaseRunner runner(List<URI> peers) {
    return new PhaseRunner(null, peers, new KeyMaker(1, 0, 8), Duration.ofSeconds(1));
  }

  @Test
  void getPeer_shouldNeverBeTheStoringPeerAndUseEveryOtherWhenThereAreSeveral() {
    PhaseRunner runner = runner(PEERS);
    for (int stored = 0; stored < PEERS.size(); stored++) {
      RecordedKey key = new RecordedKey("k", new byte[] {1}, PEERS.get(stored).toString());
      Set<Integer> used = new HashSet<>();
      for (long i = 0; i < 10; i++) {
        int peer = runner.getPeer(key, i);
        assertNotEquals(stored, peer, "op " + i);
        used.add(peer);
      }
      assertEquals(PEERS.size() - 1, used.size());
    }
  }

  @Test
  void getPeer_shouldUseAnyListedPeerWhenTheStoringOneIsNotListedOrAlone() {
    RecordedKey gone = new RecordedKey("k", new byte[] {1}, "http://127.0.0.1:9999");
    Set<Integer> used = new HashSet<>();
    for (long i = 0; i < 6; i++) {
      used.add(runner(PEERS).getPeer(gone, i));
    }
    assertEquals(Set.of(0, 1, 2), used);
    RecordedKey alone = new RecordedKey("k", new byte[] {1}, PEERS.get(0).toString());
    assertEquals(0, runner(PEERS.subList(0, 1)).getPeer(alone, 5));
  }
}
