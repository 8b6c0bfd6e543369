package io.kadence.node.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kadence.node.lookup.LookupReport;
import java.util.List;

/**
 * The JSON answer of {@code GET /v1/lookup/{key-or-id}} (docs/HTTP-API.md, "Shapes"): the k
 * closest peers that answered, the lookup's cost, and its trace (one line per step) only if
 * asked for.
 *
 * @param target the id looked up, 64 hex digits
 * @param closest the closest peers that responded, closest first
 * @param rounds request/response round trips that had to follow one another
 * @param queried peers queried
 * @param failed queried peers that failed or timed out, closest first
 * @param elapsedMs the lookup's duration
 * @param timedOut whether the lookup's overall timeout ended it (a partial result)
 * @param trace the steps, or null (left out) unless {@code trace=true}
 */
record LookupJson(String target, List<ContactJson> closest, int rounds, int queried,
    List<ContactJson> failed, long elapsedMs, boolean timedOut,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> trace) {

  static LookupJson of(LookupReport report, boolean withTrace) {
    var result = report.result();
    List<String> trace = withTrace
        ? report.trace().stream().map(LookupReport.TimedEntry::toString).toList() : null;
    return new LookupJson(result.target().toHex(), ContactJson.of(result.closest()),
        result.rounds(), result.queried(), ContactJson.of(result.failed()),
        report.elapsed().toMillis(), report.timedOut(), trace);
  }
}
