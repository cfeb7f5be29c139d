package io.leadplatform.sla.service;

import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.sla.rest.ComplianceReport;
import io.leadplatform.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Leadership's compliance report, aggregated by PostgreSQL straight from the clock table. */
@ApplicationScoped
public class ComplianceService {

    // Column expressions by groupBy value; never user text in the SQL.
    private static final Map<String, String> GROUPS = Map.of(
            "org", "coalesce(owning_org, 'none')",
            "queue", "coalesce(queue_name, 'none')",
            "rep", "coalesce(assignee, 'none')",
            "channel", "coalesce(channel, 'none')");

    private final EntityManager em;
    private final Clock clock;

    public ComplianceService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public ComplianceReport report(String groupBy, String from, String to, String clockType) {
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
        List<ComplianceReport.Row> groups = rows(GROUPS.get(group), type, start, end);
        List<ComplianceReport.Row> byOrg = group.equals("org") ? groups : rows(GROUPS.get("org"), type, start, end);
        return new ComplianceReport(start, end, group, type.name(), groups, byOrg);
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
                .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .getResultList();
        return result.stream().map(r -> {
            long met = ((Number) r[3]).longValue();
            long breached = ((Number) r[4]).longValue();
            Double percent = met + breached == 0 ? null : Math.round(met * 1000.0 / (met + breached)) / 10.0;
            return new ComplianceReport.Row((String) r[0], (String) r[1], ((Number) r[2]).longValue(), met, breached,
                    ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), percent, dbl(r[7]), dbl(r[8]),
                    dbl(r[9]), dbl(r[10]), dbl(r[11]), dbl(r[12]));
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
