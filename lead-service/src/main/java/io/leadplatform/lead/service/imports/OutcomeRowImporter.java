package io.leadplatform.lead.service.imports;

import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.service.CsvRows;
import io.leadplatform.lead.service.LeadEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rows of outcomes.csv: {@code converted} moves the lead to OPPORTUNITY, {@code rejected} to REJECTED with its
 * reason code, as lifecycle transitions (timeline entry with the cause, {@code lead.stage-changed}). An outcome
 * already imported is counted as merged; one the lead is already at is recorded and counted as merged; one older
 * than the lead's last stage change is a row error and changes nothing, so a lead never moves backwards by mistake.
 */
@ApplicationScoped
public class OutcomeRowImporter implements RowImporter {

    public static final Set<String> REASONS = Set.of("no-budget", "wrong-persona", "not-ready", "duplicate",
            "bad-data", "competitor", "no-response");

    private record Row(int line, String externalId, String outcome, String reason, Instant decidedAt) {

        String key(UUID leadId) {
            return leadId + "|" + outcome + "|" + decidedAt;
        }
    }

    private final LeadRepository leads;
    private final LeadEventHandler lifecycle;
    private final Clock clock;

    public OutcomeRowImporter(LeadRepository leads, LeadEventHandler lifecycle, Clock clock) {
        this.leads = leads;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.OUTCOMES;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RowResult> importRows(List<CsvRows.Row> batch) {
        Instant now = clock.instant();
        var em = leads.getEntityManager();
        // Nothing read in this batch depends on rows written in it, so one flush at commit lets Hibernate batch.
        em.setFlushMode(FlushModeType.COMMIT);
        Map<String, UUID> leadIds = leads.idsByExternalId(batch.stream().map(r -> r.get("external_id"))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        // Locked in id order, like the event consumers lock one lead at a time, so lockers cannot deadlock.
        Map<UUID, Lead> locked = new HashMap<>();
        if (!leadIds.isEmpty()) {
            leads.find("id in ?1 and erasedAt is null order by id", new HashSet<>(leadIds.values()))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(l -> locked.put(l.id, l));
        }
        Set<String> known = new HashSet<>();
        if (!locked.isEmpty()) {
            for (Object o : em.createNativeQuery("SELECT lead_id, outcome, decided_at FROM lead_outcome "
                    + "WHERE lead_id IN (:ids)").setParameter("ids", locked.keySet()).getResultList()) {
                Object[] c = (Object[]) o;
                known.add(c[0] + "|" + c[1] + "|" + toInstant(c[2]));
            }
        }
        List<RowResult> results = new java.util.ArrayList<>(batch.size());
        List<Object[]> recorded = new java.util.ArrayList<>();
        for (CsvRows.Row csv : batch) {
            try {
                Row row = parse(csv);
                UUID leadId = leadIds.get(row.externalId());
                Lead lead = leadId == null ? null : locked.get(leadId);
                if (lead == null) {
                    throw new IllegalArgumentException("external_id: no lead has it");
                }
                if (known.contains(row.key(lead.id))) {
                    results.add(RowResult.merged(row.line()));
                    continue;
                }
                Lead.Stage to = "converted".equals(row.outcome()) ? Lead.Stage.OPPORTUNITY : Lead.Stage.REJECTED;
                boolean already = to == lead.stage;
                if (!already) {
                    Lead.Stage before = lead.stage;
                    Instant since = lead.stageChangedAt;
                    String cause = "outcome " + row.outcome() + (row.reason() == null ? "" : " (" + row.reason() + ")")
                            + " from the outcomes import";
                    if (!lifecycle.outcome(lead, to, row.decidedAt(), row.reason(), cause)) {
                        throw new IllegalArgumentException("decided_at: older than the lead's move to " + before
                                + " at " + since + ", so not applied");
                    }
                }
                recorded.add(new Object[] {lead.id, row.outcome(), row.decidedAt(), row.reason()});
                known.add(row.key(lead.id));
                results.add(already ? RowResult.merged(row.line()) : RowResult.accepted(row.line()));
            } catch (IllegalArgumentException e) {
                results.add(RowResult.rejected(csv.line(), e.getMessage()));
            }
        }
        record(recorded, now);
        return results;
    }

    /** One insert for the batch's outcomes. */
    private void record(List<Object[]> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO lead_outcome (lead_id, outcome, decided_at, reason, recorded_at) VALUES ");
        for (int i = 0; i < outcomes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:l").append(i).append(", :o").append(i).append(", :d").append(i)
                    .append(", :r").append(i).append(", :now)");
        }
        var query = leads.getEntityManager().createNativeQuery(sql.toString()).setParameter("now", now);
        for (int i = 0; i < outcomes.size(); i++) {
            Object[] o = outcomes.get(i);
            query.setParameter("l" + i, o[0]).setParameter("o" + i, o[1]).setParameter("d" + i, o[2])
                    .setParameter("r" + i, o[3]);
        }
        query.executeUpdate();
    }

    private static Row parse(CsvRows.Row row) {
        row.requireComplete();
        String externalId = row.required("external_id");
        String outcome = row.required("outcome").toLowerCase(java.util.Locale.ROOT);
        String reason = row.get("reason");
        switch (outcome) {
            case "converted" -> reason = null;
            case "rejected" -> {
                if (reason == null) {
                    throw new IllegalArgumentException("reason: is required when the outcome is rejected");
                }
                if (!REASONS.contains(reason)) {
                    throw new IllegalArgumentException("reason: must be one of " + String.join(", ",
                            REASONS.stream().sorted().toList()));
                }
            }
            default -> throw new IllegalArgumentException("outcome: must be converted or rejected");
        }
        OffsetDateTime decided = row.parsed("decided_at", OffsetDateTime::parse);
        if (decided == null) {
            throw new IllegalArgumentException("decided_at: is required");
        }
        return new Row(row.line(), externalId, outcome, reason, decided.toInstant());
    }

    private static Instant toInstant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime t ? t.toInstant()
                : ((java.sql.Timestamp) o).toInstant();
    }
}
