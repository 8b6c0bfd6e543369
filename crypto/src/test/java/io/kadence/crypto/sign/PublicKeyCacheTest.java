package io.kadence.crypto.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The bounded LRU of decoded public keys behind {@link Ed25519#verify}. */
class PublicKeyCacheTest {
  private final List<String> decoded = new ArrayList<>();
  private final Function<byte[], String> decode = bytes -> {
    if (bytes[0] == 'x') {
      throw new IllegalArgumentException("not a point");
    }
    String value = new String(bytes) + "#" + decoded.size();
    decoded.add(value);
    return value;
  };

  @Test
  void get_shouldDecodeOnceWhenTheSameKeyIsAskedAgain() {
    PublicKeyCache<String> cache = new PublicKeyCache<>(4);

    String first = cache.get("aa".getBytes(), decode);
    String second = cache.get("aa".getBytes(), decode);

    assertSame(first, second);
    assertEquals(List.of("aa#0"), decoded);
  }

  @Test
  void get_shouldEvictTheLeastRecentlyUsedKeyWhenFull() {
    PublicKeyCache<String> cache = new PublicKeyCache<>(2);
    cache.get("aa".getBytes(), decode);
    cache.get("bb".getBytes(), decode);
    cache.get("aa".getBytes(), decode); // aa is now the most recently used

    cache.get("cc".getBytes(), decode); // evicts bb
    cache.get("aa".getBytes(), decode);
    cache.get("bb".getBytes(), decode); // decoded again

    assertEquals(List.of("aa#0", "bb#1", "cc#2", "bb#3"), decoded);
    assertEquals(2, cache.size());
  }

  @Test
  void get_shouldCacheNothingWhenDecodingFails() {
    PublicKeyCache<String> cache = new PublicKeyCache<>(4);

    assertThrows(IllegalArgumentException.class, () -> cache.get("xx".getBytes(), decode));
    assertThrows(IllegalArgumentException.class, () -> cache.get("xx".getBytes(), decode));

    assertEquals(0, cache.size());
  }

  @Test
  void get_shouldKeepKeysApartWhenTheirHashCodesCollide() {
    // Arrays.hashCode is 31 * h + b: "Aa" and "BB" collide, as do their concatenations.
    byte[] a = "AaAa".getBytes();
    byte[] b = "BBBB".getBytes();
    assertEquals(Arrays.hashCode(a), Arrays.hashCode(b));
    PublicKeyCache<String> cache = new PublicKeyCache<>(4);

    assertEquals("AaAa#0", cache.get(a, decode));
    assertEquals("BBBB#1", cache.get(b, decode));
    assertEquals("AaAa#0", cache.get(a, decode));
    assertEquals("BBBB#1", cache.get(b, decode));
  }

  @Test
  void get_shouldNotBeChangedWhenTheCallerChangesItsArrayAfterwards() {
    PublicKeyCache<String> cache = new PublicKeyCache<>(4);
    byte[] key = "aa".getBytes();
    cache.get(key, decode);

    key[0] = 'b';

    assertEquals("aa#0", cache.get("aa".getBytes(), decode));
    assertEquals("ba#1", cache.get(key, decode));
  }

  @Test
  void get_shouldAnswerEveryThreadWithItsOwnKeyWhenThreadsShareASmallCache() throws Exception {
    PublicKeyCache<String> cache = new PublicKeyCache<>(8);
    Function<byte[], String> pure = bytes -> "decoded " + new String(bytes);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        wrong.add(threads.submit(() -> {
          int mismatches = 0;
          for (int i = 0; i < 5_000; i++) {
            String key = "key-" + ((i * 7 + seed) % 64);
            if (!cache.get(key.getBytes(), pure).equals("decoded " + key)) {
              mismatches++;
            }
          }
          return mismatches;
        }));
      }
      for (Future<Integer> result : wrong) {
        assertEquals(0, result.get(30, TimeUnit.SECONDS));
      }
      assertTrue(cache.size() <= 8);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void constructor_shouldRefuseACapacityBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new PublicKeyCache<String>(0));
  }
}
