package io.leadplatform.sla.api;

import java.time.Instant;
import java.util.List;

/**
 * SLA compliance over clocks started in [from, to): one row per group (each with its owning org) and, side by
 * side, one row per owning org. Durations are milliseconds; human delay is the time to first touch, system delay
 * the time from capture to assignment. {@code source} says how it was computed: {@code clocks} (straight from the
 * clock table, exact {@code percentile_cont}) or {@code rollup} (whole UTC days from the rollup tables, the edges
 * from the clocks; counts exact, medians and p90 from buckets, within 0.8 % of the exact figure).
 */
public record ComplianceReport(Instant from, Instant to, String groupBy, String clockType, String source,
        List<Row> groups, List<Row> byOrg) {

    public record Row(
            String group,
            String owningOrg,
            long started,
            long met,
            long breached,
            long open,
            long cancelled,
            Double percentMet,
            Double firstTouchWallMedianMillis,
            Double firstTouchWallP90Millis,
            Double firstTouchBusinessMedianMillis,
            Double firstTouchBusinessP90Millis,
            Double systemDelayMedianMillis,
            Double systemDelayP90Millis) {
    }
}
