package io.leadplatform.sla.service;

import io.leadplatform.sla.api.ComplianceReport;
import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Leadership's compliance report. A window that holds at least one whole UTC day reads those days from the rollup
 * tables (kept by triggers on {@code sla_clock}, see V3) and only its partial edges from the clocks; a shorter
 * window is aggregated by PostgreSQL straight from the clock table, with exact percentiles.
 */
@ApplicationScoped
public class ComplianceService {

    /** Where the figures come from: the rollup when the window has a whole day ({@code AUTO}), or forced. */
    public enum Source {
        AUTO, CLOCKS, ROLLUP
    }

    // Column expressions by groupBy value; never user text in the SQL.
    private static final Map<String, String> GROUPS = Map.of(
            "org", "coalesce(owning_org, 'none')",
            "queue", "coalesce(queue_name, 'none')",
            "rep", "coalesce(assignee, 'none')",
            "channel", "coalesce(channel, 'none')");
    private static final int WALL = 1;
    private static final int BUSINESS = 2;
    private static final int SYSTEM = 3;

    private final EntityManager em;
    private final Clock clock;

    public ComplianceService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public ComplianceReport report(String groupBy, String from, String to, String clockType) {
        return report(groupBy, from, to, clockType, Source.AUTO);
    }

    @Transactional
    public ComplianceReport report(String groupBy, String from, String to, String clockType, Source source) {
        String group = groupBy == null ? "org" : groupBy.strip().toLowerCase(Locale.ROOT);
        if (!GROUPS.containsKey(group)) {
            throw ProblemException.invalid("groupBy", "must be one of org, queue, rep, channel");
        }
        ClockType type;
        try {
            type = clockType == null ? ClockType.FIRST_TOUCH
                    : ClockType.valueOf(clockType.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("clockType", "must be one of SYSTEM_DELAY, FIRST_TOUCH, ACCEPT, AE_ACCEPT");
        }
        Instant end = to == null ? clock.instant() : instant(to, "to");
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        Window window = source == Source.CLOCKS ? null : window(type, start, end, source == Source.ROLLUP);
        if (window == null) {
            List<ComplianceReport.Row> groups = rows(GROUPS.get(group), type, start, end);
            List<ComplianceReport.Row> byOrg = group.equals("org") ? groups
                    : rows(GROUPS.get("org"), type, start, end);
            return new ComplianceReport(start, end, group, type.name(), "clocks", groups, byOrg);
        }
        List<ComplianceReport.Row> groups = rollupRows(group, type, window);
        List<ComplianceReport.Row> byOrg = group.equals("org") ? groups : rollupRows("org", type, window);
        return new ComplianceReport(start, end, group, type.name(), "rollup", groups, byOrg);
    }

    /** Whole UTC days [firstDay, endDay) read from the rollup, and the partial edges read from the clocks. */
    record Window(LocalDate firstDay, LocalDate endDay, Instant headFrom, Instant headTo, Instant tailFrom,
            Instant tailTo) {
    }

    /**
     * The rollup's share of [start, end), or null when it has no whole day and the rollup is not forced. An edge
     * with no clock of the type in the rest of its day counts as a whole day: the rollup holds the same clocks.
     */
    private Window window(ClockType type, Instant start, Instant end, boolean forced) {
        LocalDate startDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate firstDay = dayStart(startDay).equals(start) ? startDay : startDay.plusDays(1);
        LocalDate endDay = LocalDate.ofInstant(end, ZoneOffset.UTC);
        if (!firstDay.isBefore(endDay)) {
            return forced ? new Window(firstDay, firstDay, start, end, end, end) : null;
        }
        Instant headFrom = start;
        if (!dayStart(firstDay).equals(start) && !anyStarted(type, dayStart(startDay), start)) {
            firstDay = startDay;
            headFrom = dayStart(startDay);
        }
        Instant tailTo = end;
        if (!dayStart(endDay).equals(end) && !anyStarted(type, end, dayStart(endDay.plusDays(1)))) {
            endDay = endDay.plusDays(1);
            tailTo = dayStart(endDay);
        }
        return new Window(firstDay, endDay, headFrom, dayStart(firstDay), dayStart(endDay), tailTo);
    }

    private boolean anyStarted(ClockType type, Instant from, Instant to) {
        return !em.createNativeQuery("SELECT 1 FROM sla_clock WHERE clock_type = :type AND started_at >= :from "
                        + "AND started_at < :to LIMIT 1")
                .setParameter("type", type.name()).setParameter("from", odt(from)).setParameter("to", odt(to))
                .getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<ComplianceReport.Row> rollupRows(String group, ClockType type, Window w) {
        String key = GROUPS.get(group);
        String edges = "clock_type = :type AND ((started_at >= :h0 AND started_at < :h1) "
                + "OR (started_at >= :t0 AND started_at < :t1))";
        String days = " WHERE clock_type = :type AND dim = :dim AND day >= :d0 AND day < :d1 ";
        // The rollup plus the deltas not folded into it yet.
        Query counts = em.createNativeQuery("SELECT grp, org, sum(started), sum(met), sum(breached), sum(open), "
                + "sum(cancelled) FROM (SELECT grp, owning_org AS org, started, met, breached, open, cancelled "
                + "FROM sla_rollup" + days + "UNION ALL SELECT grp, owning_org, started, met, breached, open, "
                + "cancelled FROM sla_rollup_delta" + days + "UNION ALL SELECT " + key + ", "
                + "coalesce(owning_org, 'none'), 1, (status = 'MET')::int, (status = 'BREACHED')::int, "
                + "(status IN ('RUNNING', 'PAUSED'))::int, (status = 'CANCELLED')::int FROM sla_clock WHERE "
                + edges + ") x GROUP BY grp, org HAVING sum(started) > 0 ORDER BY 2, 1");
        Query buckets = em.createNativeQuery("SELECT grp, org, metric, bucket, sum(n) FROM (SELECT grp, "
                + "owning_org AS org, metric, bucket, n FROM sla_rollup_hist" + days + "UNION ALL SELECT grp, "
                + "owning_org, metric, bucket, n FROM sla_rollup_hist_delta" + days + "UNION ALL SELECT " + key
                + ", coalesce(owning_org, 'none'), m.metric, sla_bucket(m.v), 1 FROM sla_clock CROSS JOIN LATERAL "
                + "(VALUES (1::smallint, touch_wall_ms), (2::smallint, touch_business_ms), "
                + "(3::smallint, system_delay_ms)) m(metric, v) WHERE m.v IS NOT NULL AND " + edges + ") x "
                + "GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0 ORDER BY 1, 2, 3, 4");
        for (Query q : List.of(counts, buckets)) {
            q.setParameter("type", type.name()).setParameter("dim", group)
                    .setParameter("d0", w.firstDay()).setParameter("d1", w.endDay())
                    .setParameter("h0", odt(w.headFrom())).setParameter("h1", odt(w.headTo()))
                    .setParameter("t0", odt(w.tailFrom())).setParameter("t1", odt(w.tailTo()));
        }
        Map<List<Object>, Map<Integer, Histogram>> histograms = new HashMap<>();
        for (Object[] r : (List<Object[]>) buckets.getResultList()) {
            histograms.computeIfAbsent(List.of(r[0], r[1]), k -> new HashMap<>())
                    .computeIfAbsent(((Number) r[2]).intValue(), k -> new Histogram())
                    .add(((Number) r[3]).longValue(), ((Number) r[4]).longValue());
        }
        return ((List<Object[]>) counts.getResultList()).stream().map(r -> {
            Map<Integer, Histogram> h = histograms.getOrDefault(List.of(r[0], r[1]), Map.of());
            long met = ((Number) r[3]).longValue();
            long breached = ((Number) r[4]).longValue();
            return new ComplianceReport.Row((String) r[0], (String) r[1], ((Number) r[2]).longValue(), met,
                    breached, ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), percentMet(met, breached),
                    percentile(h.get(WALL), 0.5), percentile(h.get(WALL), 0.9),
                    percentile(h.get(BUSINESS), 0.5), percentile(h.get(BUSINESS), 0.9),
                    percentile(h.get(SYSTEM), 0.5), percentile(h.get(SYSTEM), 0.9));
        }).toList();
    }

    private static Double percentile(Histogram h, double p) {
        return h == null ? null : h.percentile(p);
    }

    /** Counts per bucket of {@code sla_bucket()}, in ascending bucket order. */
    public static final class Histogram {

        private final List<long[]> buckets = new ArrayList<>();
        private long total;

        public void add(long bucket, long count) {
            buckets.add(new long[] {bucket, count});
            total += count;
        }

        /** {@code percentile_cont} over the values, each taken as its bucket's midpoint. */
        public Double percentile(double p) {
            if (total == 0) {
                return null;
            }
            double pos = p * (total - 1);
            long lo = (long) Math.floor(pos);
            double low = valueAt(lo);
            return low + (pos - lo) * (valueAt((long) Math.ceil(pos)) - low);
        }

        private double valueAt(long rank) {
            long seen = 0;
            for (long[] b : buckets) {
                seen += b[1];
                if (rank < seen) {
                    return midpoint(b[0]);
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + total);
        }

        /** The middle of the bucket whose lower bound is {@code bucket}, mirroring {@code sla_bucket()}. */
        public static double midpoint(long bucket) {
            if (bucket < 128) {
                return bucket;
            }
            long width = 1L << (63 - Long.numberOfLeadingZeros(bucket) - 6);
            return bucket + (width - 1) / 2.0;
        }
    }

    private static Double percentMet(long met, long breached) {
        return met + breached == 0 ? null : Math.round(met * 1000.0 / (met + breached)) / 10.0;
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static String csv(ComplianceReport report) {
        String header = "group,owningOrg,started,met,breached,open,cancelled,percentMet,firstTouchWallMedianMillis,"
                + "firstTouchWallP90Millis,firstTouchBusinessMedianMillis,firstTouchBusinessP90Millis,"
                + "systemDelayMedianMillis,systemDelayP90Millis";
        return header + "\n" + report.groups().stream().map(r -> String.join(",", csvText(r.group()),
                        csvText(r.owningOrg()), String.valueOf(r.started()), String.valueOf(r.met()),
                        String.valueOf(r.breached()), String.valueOf(r.open()), String.valueOf(r.cancelled()),
                        num(r.percentMet()), num(r.firstTouchWallMedianMillis()), num(r.firstTouchWallP90Millis()),
                        num(r.firstTouchBusinessMedianMillis()), num(r.firstTouchBusinessP90Millis()),
                        num(r.systemDelayMedianMillis()), num(r.systemDelayP90Millis())))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @SuppressWarnings("unchecked")
    private List<ComplianceReport.Row> rows(String key, ClockType type, Instant from, Instant to) {
        String sql = "SELECT " + key + " AS grp, min(coalesce(owning_org, 'none')) AS org, count(*), "
                + "count(*) FILTER (WHERE status = 'MET'), count(*) FILTER (WHERE status = 'BREACHED'), "
                + "count(*) FILTER (WHERE status IN ('RUNNING', 'PAUSED')), "
                + "count(*) FILTER (WHERE status = 'CANCELLED'), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY touch_wall_ms), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY touch_wall_ms), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY touch_business_ms), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY touch_business_ms), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY system_delay_ms), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY system_delay_ms) "
                + "FROM sla_clock WHERE clock_type = :type AND started_at >= :from AND started_at < :to "
                + "GROUP BY " + (key.contains("owning_org") ? "1" : "1, coalesce(owning_org, 'none')")
                + " ORDER BY 2, 1";
        List<Object[]> result = em.createNativeQuery(sql)
                .setParameter("type", type.name())
                .setParameter("from", odt(from))
                .setParameter("to", odt(to))
                .getResultList();
        return result.stream().map(r -> {
            long met = ((Number) r[3]).longValue();
            long breached = ((Number) r[4]).longValue();
            return new ComplianceReport.Row((String) r[0], (String) r[1], ((Number) r[2]).longValue(), met, breached,
                    ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), percentMet(met, breached), dbl(r[7]),
                    dbl(r[8]), dbl(r[9]), dbl(r[10]), dbl(r[11]), dbl(r[12]));
        }).toList();
    }

    private static Instant instant(String value, String field) {
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO instant or date, e.g. 2026-11-01");
        }
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static String num(Double d) {
        return d == null ? "" : String.valueOf(d);
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
