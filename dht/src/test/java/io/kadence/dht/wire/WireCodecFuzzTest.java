package io.kadence.dht.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds decode random and mutated payloads: every outcome must be a message or a
 * {@link WireDecodeException}. Any other throwable, including {@link OutOfMemoryError} and
 * {@link StackOverflowError}, fails. Seeded, so a failure reproduces.
 */
class WireCodecFuzzTest {
  private static final long SEED = 0x6b6164656e6365L;
  private static final int RUNS = 120_000;
  private static final int[] TYPES = {100, 101, 102, 103, 104, 105, 106, 107, 108};
  /** Huge or boundary varints to paste over a length or count field. */
  private static final byte[][] LENGTHS = {
      {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07}, // Integer.MAX_VALUE
      {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}, // -1
      {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}, // Integer.MIN_VALUE
      {(byte) 0x80, (byte) 0x80, 0x04}, // 65,536
      {(byte) 0x81, (byte) 0x80, 0x04}, // 65,537
      {0x7f}, {0x15}, {0x11}, {0x00}};

  private final WireCodec codec = WireCodec.withDefaults();
  private final Random random = new Random(SEED);

  private record Seed(int type, byte[] payload) {}

  @Test
  void decode_shouldEndInMessageOrDecodeErrorWhenFedRandomAndMutatedBytes() {
    List<Seed> seeds = new ArrayList<>();
    for (Message m : WireFixtures.samples()) {
      seeds.add(new Seed(codec.typeOf(m), codec.encode(m)));
    }
    int decoded = 0;
    for (int run = 0; run < RUNS; run++) {
      Seed input = random.nextInt(4) == 0 ? randomBytes() : mutate(seeds.get(random.nextInt(
          seeds.size())));
      if (decodeCleanly(run, input)) {
        decoded++;
      }
    }
    // Mutations inside values and signatures still decode: the fuzz reached the deep paths.
    assertTrue(decoded > RUNS / 100, "only " + decoded + " inputs decoded");
  }

  private boolean decodeCleanly(int run, Seed input) {
    Message m;
    try {
      m = codec.decode(input.type(), input.payload());
    } catch (WireDecodeException e) {
      return false;
    } catch (Throwable t) {
      fail("run " + run + ", type " + input.type() + ", payload "
          + HexFormat.of().formatHex(input.payload()), t);
      return false;
    }
    // Whatever decodes is within the limits, so it encodes again and decodes to itself.
    try {
      assertEquals(m, codec.decode(codec.typeOf(m), codec.encode(m)));
    } catch (WireDecodeException | RuntimeException e) {
      fail("run " + run + ": decoded " + m + " does not round-trip", e);
    }
    return true;
  }

  private Seed randomBytes() {
    int length = random.nextInt(8) == 0 ? random.nextInt(4096) : random.nextInt(200);
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return new Seed(pickType(), bytes);
  }

  private int pickType() {
    return random.nextInt(20) == 0 ? random.nextInt(300) - 20 : TYPES[random.nextInt(TYPES.length)];
  }

  private Seed mutate(Seed seed) {
    byte[] b = seed.payload().clone();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      b = mutateOnce(b);
    }
    return new Seed(random.nextInt(10) == 0 ? pickType() : seed.type(), b);
  }

  private byte[] mutateOnce(byte[] b) {
    int at = b.length == 0 ? 0 : random.nextInt(b.length);
    switch (random.nextInt(6)) {
      case 0: // flip one bit
        if (b.length > 0) {
          b[at] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      case 1: // truncate
        return Arrays.copyOf(b, at);
      case 2: // insert random bytes
        byte[] extra = new byte[1 + random.nextInt(8)];
        random.nextBytes(extra);
        return splice(b, at, 0, extra);
      case 3: // delete a range
        return splice(b, at, Math.min(b.length - at, 1 + random.nextInt(8)), new byte[0]);
      case 4: // overwrite with a huge or boundary length
        byte[] length = LENGTHS[random.nextInt(LENGTHS.length)];
        return splice(b, at, Math.min(b.length - at, length.length), length);
      default: // set one byte at random
        if (b.length > 0) {
          b[at] = (byte) random.nextInt(256);
        }
        return b;
    }
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
