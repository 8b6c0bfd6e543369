package io.kadence.node.lookup;

import static io.kadence.node.lookup.Fixtures.ALICE;
import static io.kadence.node.lookup.Fixtures.BOB;
import static io.kadence.node.lookup.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.id.Key;
import io.kadence.dht.record.SignedRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecordScreen}: a reader trusts no record a peer returns before checking it. */
class RecordScreenTest {
  @Test
  void of_shouldKeepValidRecordsOfTheKeyInOrderWhenAllPass() {
    List<SignedRecord> records = List.of(Fixtures.record(BOB, 3), Fixtures.record(ALICE, 1));
    RecordScreen screen = RecordScreen.of(KEY, records, Fixtures.validator());
    assertEquals(records, screen.valid());
    assertEquals(List.of(), screen.rejected());
  }

  @Test
  void of_shouldDropEachBadRecordWithItsReasonWhenAPeerMixesThemIn() {
    SignedRecord good = Fixtures.record(ALICE, 2);
    RecordScreen screen = RecordScreen.of(KEY, List.of(Fixtures.forged(good, 5), good,
        Fixtures.expired(BOB, 1), Fixtures.record(BOB, Key.of("other"), 4)), Fixtures.validator());
    assertEquals(List.of(good), screen.valid());
    assertEquals(3, screen.rejected().size());
    assertTrue(screen.rejected().get(0).endsWith("BAD_SIGNATURE"), screen.rejected().get(0));
    assertTrue(screen.rejected().get(1).endsWith("EXPIRED"), screen.rejected().get(1));
    assertTrue(screen.rejected().get(2).contains("another key"), screen.rejected().get(2));
  }

  @Test
  void of_shouldReturnNothingWhenThePeerHasNoRecords() {
    RecordScreen screen = RecordScreen.of(KEY, List.of(), Fixtures.validator());
    assertEquals(RecordScreen.NONE, screen);
  }
}
