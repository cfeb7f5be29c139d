package io.leadplatform.lead.service.reports;

import io.leadplatform.lead.api.FunnelReport;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel per channel, campaign, source or owning org, over leads captured in [from, to). Stage counts are
 * the leads' current stages; conversions use the stages each lead ever reached. Erased leads still count.
 * Costs are the campaign costs prorated to the part of their period inside [from, to); there are none per org.
 */
@ApplicationScoped
public class FunnelReports {

    private static final Map<String, String> LEAD_COLUMN = Map.of("channel", "channel", "campaign", "campaign",
            "source", "source", "org", "owning_org");

    private final EntityManager em;

    public FunnelReports(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public FunnelReport build(String groupBy, Instant from, Instant to) {
        String column = LEAD_COLUMN.get(groupBy == null ? "channel" : groupBy);
        if (column == null) {
            throw ProblemException.invalid("groupBy", "must be channel, campaign, org or source");
        }
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        String group = "coalesce(" + column + ", '" + ("owning_org".equals(column) ? "UNASSIGNED" : "unknown") + "')";
        String where = " FROM lead WHERE captured_at >= :from AND captured_at < :to";

        Map<String, long[]> totals = new TreeMap<>();
        for (Object[] r : rows("SELECT " + group + ", count(*), count(mql_at), count(sql_at), count(opportunity_at)"
                + where + " GROUP BY 1", start, end)) {
            totals.put((String) r[0], new long[] {num(r[1]), num(r[2]), num(r[3]), num(r[4])});
        }
        Map<String, Map<String, Long>> stages = new TreeMap<>();
        for (Object[] r : rows("SELECT " + group + ", stage, count(*)" + where + " GROUP BY 1, 2", start, end)) {
            stages.computeIfAbsent((String) r[0], g -> emptyStages()).put((String) r[1], num(r[2]));
        }
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        for (Object[] r : rows("SELECT " + group + ", rejection_reason, count(*)" + where
                + " AND rejection_reason IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", start, end)) {
            reasons.computeIfAbsent((String) r[0], g -> new LinkedHashMap<>()).put((String) r[1], num(r[2]));
        }
        Map<String, BigDecimal> costs = new TreeMap<>();
        if (!"owning_org".equals(column)) {
            // Each period's cost times the share of it inside [from, to); a period runs from its first day's
            // start to its last day's end, UTC.
            for (Object[] r : rows("SELECT coalesce(" + column + ", 'unknown'), round(sum(cost_usd * extract(epoch "
                    + "FROM least(period_to, :to) - greatest(period_from, :from)) / extract(epoch FROM period_to "
                    + "- period_from)), 2) FROM (SELECT *, period_start::timestamp AT TIME ZONE 'UTC' AS period_from, "
                    + "(period_end + 1)::timestamp AT TIME ZONE 'UTC' AS period_to FROM campaign_cost) c "
                    + "WHERE period_from < :to AND period_to > :from GROUP BY 1", start, end)) {
                costs.put((String) r[0], (BigDecimal) r[1]);
            }
        }
        List<FunnelReport.Group> out = totals.entrySet().stream().map(e -> {
            long[] t = e.getValue();
            BigDecimal cost = "owning_org".equals(column) ? null : costs.getOrDefault(e.getKey(), BigDecimal.ZERO);
            return new FunnelReport.Group(e.getKey(), t[0], stages.getOrDefault(e.getKey(), emptyStages()), t[1],
                    t[2], t[3], rate(t[1], t[0]), rate(t[2], t[1]), rate(t[3], t[2]), rate(t[2], t[0]),
                    reasons.getOrDefault(e.getKey(), Map.of()), cost, per(cost, t[0]), per(cost, t[1]),
                    per(cost, t[2]));
        }).toList();
        return new FunnelReport(groupBy == null ? "channel" : groupBy, from, to, FunnelReport.COST_BASIS, out);
    }

    /** The report as CSV: one row per group; stage counts and rejection reasons get a column each. */
    public static String csv(FunnelReport report) {
        List<String> stageNames = Arrays.stream(Lead.Stage.values()).map(Enum::name).toList();
        List<String> reasons = report.groups().stream().flatMap(g -> g.rejectionReasons().keySet().stream())
                .distinct().sorted().toList();
        StringBuilder out = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(List.of(report.groupBy(), "leads"));
        stageNames.forEach(s -> header.add("stage_" + s));
        header.addAll(List.of("reached_mql", "reached_sql", "reached_opportunity", "lead_to_mql", "mql_to_sql",
                "sql_to_opportunity", "qualification_rate", "cost_usd", "cost_per_lead", "cost_per_mql",
                "cost_per_sql"));
        reasons.forEach(r -> header.add("rejected_" + r));
        line(out, header);
        for (FunnelReport.Group g : report.groups()) {
            List<String> cells = new java.util.ArrayList<>(List.of(g.group(), String.valueOf(g.leads())));
            stageNames.forEach(s -> cells.add(String.valueOf(g.stages().getOrDefault(s, 0L))));
            cells.addAll(List.of(String.valueOf(g.reachedMql()), String.valueOf(g.reachedSql()),
                    String.valueOf(g.reachedOpportunity()), str(g.leadToMql()), str(g.mqlToSql()),
                    str(g.sqlToOpportunity()), str(g.qualificationRate()), str(g.cost()), str(g.costPerLead()),
                    str(g.costPerMql()), str(g.costPerSql())));
            reasons.forEach(r -> cells.add(String.valueOf(g.rejectionReasons().getOrDefault(r, 0L))));
            line(out, cells);
        }
        return out.toString();
    }

    public static Instant parseInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, "must be a date (yyyy-mm-dd) or an ISO-8601 instant");
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            out.append(i == 0 ? "" : ",").append(c);
        }
        out.append("\r\n");
    }

    private static String str(Object o) {
        return o == null ? "" : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant from, Instant to) {
        return em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).getResultList();
    }

    private static Map<String, Long> emptyStages() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Lead.Stage s : Lead.Stage.values()) {
            m.put(s.name(), 0L);
        }
        return m;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private static BigDecimal per(BigDecimal cost, long count) {
        return cost == null || count == 0 ? null : cost.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
