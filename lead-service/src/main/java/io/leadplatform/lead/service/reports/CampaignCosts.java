package io.leadplatform.lead.service.reports;

import io.leadplatform.lead.api.CostsLoaded;
import io.leadplatform.lead.api.RowError;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.service.CsvRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Loads campaign costs; a campaign's cost for a period is replaced when the same period is loaded again. */
@ApplicationScoped
public class CampaignCosts {

    public static final List<String> COLUMNS = List.of("campaign", "channel", "source", "period_start",
            "period_end", "cost_usd");

    private final EntityManager em;
    private final Clock clock;

    public CampaignCosts(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public CostsLoaded load(String body) {
        CsvRows csv = CsvRows.parse(body, COLUMNS);
        List<RowError> errors = new ArrayList<>();
        int loaded = 0;
        for (CsvRows.Row row : csv.rows()) {
            String problem = check(row);
            if (problem != null) {
                errors.add(new RowError(row.line(), problem));
                continue;
            }
            em.createNativeQuery("INSERT INTO campaign_cost (campaign, channel, source, period_start, period_end, "
                            + "cost_usd, loaded_at) VALUES (:campaign, :channel, :source, :start, :end, :cost, :now) "
                            + "ON CONFLICT (campaign, period_start, period_end) DO UPDATE SET channel = EXCLUDED.channel, "
                            + "source = EXCLUDED.source, cost_usd = EXCLUDED.cost_usd, loaded_at = EXCLUDED.loaded_at")
                    .setParameter("campaign", row.get("campaign"))
                    .setParameter("channel", row.get("channel"))
                    .setParameter("source", row.get("source"))
                    .setParameter("start", LocalDate.parse(row.get("period_start")))
                    .setParameter("end", LocalDate.parse(row.get("period_end")))
                    .setParameter("cost", new BigDecimal(row.get("cost_usd")))
                    .setParameter("now", clock.instant())
                    .executeUpdate();
            loaded++;
        }
        return new CostsLoaded(loaded, errors.size(), errors.stream().limit(100).toList());
    }

    private static String check(CsvRows.Row row) {
        if (!row.complete()) {
            return "expected " + row.columns().size() + " columns, got " + row.cells().length;
        }
        for (String column : List.of("campaign", "channel", "period_start", "period_end", "cost_usd")) {
            if (row.get(column) == null) {
                return column + ": is required";
            }
        }
        if (!Lead.CHANNELS.contains(row.get("channel"))) {
            return "channel: must be paid, owned, earned or outbound";
        }
        if (row.get("campaign").length() > 200 || (row.get("source") != null && row.get("source").length() > 100)) {
            return "campaign or source: is too long";
        }
        try {
            LocalDate start = LocalDate.parse(row.get("period_start"));
            LocalDate end = LocalDate.parse(row.get("period_end"));
            if (end.isBefore(start)) {
                return "period_end: is before period_start";
            }
        } catch (RuntimeException e) {
            return "period_start/period_end: must be dates (yyyy-mm-dd)";
        }
        try {
            BigDecimal cost = new BigDecimal(row.get("cost_usd"));
            if (cost.signum() < 0 || cost.compareTo(new BigDecimal("999999999999")) > 0) {
                return "cost_usd: must be between 0 and 999999999999";
            }
        } catch (NumberFormatException e) {
            return "cost_usd: must be a number";
        }
        return null;
    }
}
