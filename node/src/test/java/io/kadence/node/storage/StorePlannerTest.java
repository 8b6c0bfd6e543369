package io.kadence.node.storage;

import static io.kadence.node.storage.StorageFixtures.ALICE;
import static io.kadence.node.storage.StorageFixtures.BOB;
import static io.kadence.node.storage.StorageFixtures.CAROL;
import static io.kadence.node.storage.StorageFixtures.HOUR;
import static io.kadence.node.storage.StorageFixtures.KEY;
import static io.kadence.node.storage.StorageFixtures.T0;
import static io.kadence.node.storage.StorageFixtures.record;
import static io.kadence.node.storage.StorageFixtures.sized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kadence.dht.record.ExpectedSequence;
import io.kadence.dht.record.RecordLimits;
import io.kadence.dht.record.SignedRecord;
import io.kadence.dht.wire.StoreRefusal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorePlannerTest {
  private static final RecordLimits LIMITS = new RecordLimits(1024, Duration.ofSeconds(1),
      Duration.ofHours(48), Duration.ofMinutes(1), 2);

  private final StoreState state = new StoreState(2);

  private StorePlan plan(StorePlanner planner, SignedRecord r, Instant now) {
    StorePlan plan = planner.plan(state, r, ExpectedSequence.ANY, now);
    plan.events().forEach(state::apply);
    return plan;
  }

  @Test
  void plan_shouldRefuseStorageFullWhenMaxRecordsIsReached() {
    StorePlanner planner = new StorePlanner(LIMITS, 2, 1 << 20);
    plan(planner, sized(ALICE, 1, 10), T0);
    plan(planner, sized(ALICE, 2, 10), T0);

    assertEquals(Optional.of(StoreRefusal.STORAGE_FULL),
        plan(planner, sized(ALICE, 3, 10), T0).refusal());
    assertEquals(2, state.recordCount());
  }

  @Test
  void plan_shouldRefuseStorageFullWhenMaxBytesWouldBeExceeded() {
    StorePlanner planner = new StorePlanner(LIMITS, 100, 1500);
    plan(planner, sized(ALICE, 1, 1000), T0);

    assertEquals(Optional.of(StoreRefusal.STORAGE_FULL),
        plan(planner, sized(ALICE, 2, 501), T0).refusal());
    assertTrue(plan(planner, sized(ALICE, 3, 500), T0).isSuccess());
    assertEquals(1500, state.valueBytes());
  }

  @Test
  void plan_shouldAcceptAReplacementWhenItDoesNotGrowAFullStore() {
    StorePlanner planner = new StorePlanner(LIMITS, 1, 1 << 20);
    plan(planner, record(ALICE, 1, "first"), T0);

    StorePlan replace = plan(planner, record(ALICE, 2, "second"), T0);

    assertTrue(replace.isSuccess());
    assertEquals(1, state.recordCount());
  }

  @Test
  void plan_shouldSweepExpiredRecordsFirstWhenThatMakesRoom() {
    StorePlanner planner = new StorePlanner(LIMITS, 2, 1 << 20);
    plan(planner, sized(ALICE, 1, 10), T0);
    plan(planner, sized(ALICE, 2, 10), T0);
    Instant later = T0.plus(HOUR);
    SignedRecord fresh = StorageFixtures.record(BOB, KEY, 1, later, HOUR, new byte[10]);

    StorePlan plan = plan(planner, fresh, later);

    assertTrue(plan.isSuccess());
    assertInstanceOf(StorageEvent.RecordsExpired.class, plan.events().get(0));
    assertEquals(List.of(fresh), state.allHeld());
  }

  @Test
  void plan_shouldRefuseQuotaExceededWhenTheKeyHoldsMaxPublishers() {
    StorePlanner planner = new StorePlanner(LIMITS, 100, 1 << 20);
    plan(planner, record(ALICE, 1, "a"), T0);
    plan(planner, record(BOB, 1, "b"), T0);

    assertEquals(Optional.of(StoreRefusal.QUOTA_EXCEEDED),
        plan(planner, record(CAROL, 1, "c"), T0).refusal());
  }

  @Test
  void plan_shouldSucceedWithNothingToPersistWhenTheRecordIsAlreadyStored() {
    StorePlanner planner = new StorePlanner(LIMITS, 100, 1 << 20);
    SignedRecord r = record(ALICE, 1, "a");
    plan(planner, r, T0);

    assertEquals(StorePlan.ALREADY_STORED, planner.plan(state, r, ExpectedSequence.ABSENT, T0));
  }

  @Test
  void plan_shouldRefuseWithTheValidatorsReasonWhenTheRecordIsInvalid() {
    StorePlanner planner = new StorePlanner(LIMITS, 100, 1 << 20);

    assertEquals(Optional.of(StoreRefusal.EXPIRED),
        plan(planner, record(ALICE, 1, "a"), T0.plus(HOUR)).refusal());
    assertEquals(Optional.of(StoreRefusal.VALUE_TOO_LARGE),
        plan(planner, sized(ALICE, 1, 1025), T0).refusal());
  }
}
