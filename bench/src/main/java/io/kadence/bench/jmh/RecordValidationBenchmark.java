package io.kadence.bench.jmh;

import io.kadence.dht.record.RecordLimits;
import io.kadence.dht.record.RecordValidator;
import io.kadence.dht.record.RecordValidity;
import io.kadence.dht.record.SignedRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating one record with a 64-byte value, as a storing node does for every STORE and a
 * reader for every record a FIND_VALUE returns: the cheap checks, then the publisher's Ed25519
 * signature over the record's signing content.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RecordValidationBenchmark {
  private RecordValidator validator;
  private SignedRecord record;

  @Setup
  public void setUp() {
    record = BenchFixtures.record(BenchFixtures.keyPair(3), 0);
    validator = new RecordValidator(RecordLimits.DEFAULTS,
        Clock.fixed(BenchFixtures.T0.plusSeconds(60), ZoneOffset.UTC));
  }

  @Benchmark
  public RecordValidity validate() {
    RecordValidity verdict = validator.validate(record);
    if (verdict != RecordValidity.VALID) {
      throw new IllegalStateException("record judged " + verdict);
    }
    return verdict;
  }
}
