package io.kadence.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Runs every JMH benchmark of this package once, outside JMH: for each combination of its
 * {@code @Param} values, its {@code @Setup}, one call of each {@code @Benchmark} method, and its
 * {@code @TearDown}. So a change to the code they measure cannot leave them broken until the
 * next measurement. Nothing is timed: the benchmarks check their own results (a refused
 * envelope or store, a lookup that does not finish, a PING not answered by a PONG throw).
 */
class BenchmarkSetupTest {
  static Stream<Class<?>> benchmarks() {
    return Stream.of(EnvelopeSignBenchmark.class, EnvelopeVerifyBenchmark.class,
        RequestResponseBenchmark.class, RecordValidationBenchmark.class, WireCodecBenchmark.class,
        RoutingTableBenchmark.class, LookupStateBenchmark.class, StorageBenchmark.class,
        PeerPingBenchmark.class);
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void benchmark_shouldSetUpAndRunEachMethodOnceForEveryParameter(Class<?> type) throws Exception {
    List<Method> methods = annotated(type, Benchmark.class);
    assertFalse(methods.isEmpty(), type.getSimpleName() + " has no @Benchmark method");
    for (List<String> values : combinations(params(type))) {
      Object benchmark = type.getDeclaredConstructor().newInstance();
      List<Field> fields = params(type);
      for (int i = 0; i < fields.size(); i++) {
        set(fields.get(i), benchmark, values.get(i));
      }
      invokeAll(annotated(type, Setup.class), benchmark);
      try {
        for (Method method : methods) {
          assertNotNull(invoke(method, benchmark), type.getSimpleName() + "." + method.getName()
              + " " + values + " returned nothing");
        }
      } finally {
        invokeAll(annotated(type, TearDown.class), benchmark);
        awaitTornDown(benchmark);
      }
    }
  }

  /** Waits for a tear-down that runs on after the method returned ({@link AsyncTeardown}). */
  private static void awaitTornDown(Object benchmark) throws Exception {
    if (benchmark instanceof PeerPingBenchmark peers) {
      peers.awaitTornDown();
    } else if (benchmark instanceof StorageBenchmark storage) {
      storage.awaitTornDown();
    }
  }

  /** Every combination of the {@code @Param} values, in field order. */
  private static List<List<String>> combinations(List<Field> fields) {
    List<List<String>> combinations = new ArrayList<>();
    combinations.add(List.of());
    for (Field field : fields) {
      List<List<String>> longer = new ArrayList<>();
      for (List<String> prefix : combinations) {
        for (String value : field.getAnnotation(Param.class).value()) {
          List<String> next = new ArrayList<>(prefix);
          next.add(value);
          longer.add(next);
        }
      }
      combinations = longer;
    }
    return combinations;
  }

  private static List<Field> params(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Param.class))
        .sorted(Comparator.comparing(Field::getName)).toList();
  }

  private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
    return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(a))
        .sorted(Comparator.comparing(Method::getName)).toList();
  }

  private static void set(Field field, Object target, String value) throws IllegalAccessException {
    Class<?> type = field.getType();
    Object converted = type == int.class ? Integer.valueOf(value)
        : type == long.class ? Long.valueOf(value) : value;
    field.set(target, converted);
  }

  private static void invokeAll(List<Method> methods, Object target) throws Exception {
    for (Method method : methods) {
      invoke(method, target);
    }
  }

  private static Object invoke(Method method, Object target) throws Exception {
    try {
      return method.invoke(target);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
