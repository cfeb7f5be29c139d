package io.leadplatform.lead.service.imports;

import io.leadplatform.events.EventTypes;
import io.leadplatform.lead.api.RecordEngagement;
import io.leadplatform.lead.domain.EngagementEvent;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.service.CsvRows;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rows of events.csv: each names its lead by external id; an event imported before is counted as merged. */
@ApplicationScoped
public class EventRowImporter implements RowImporter {

    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final Outbox outbox;
    private final Validator validator;
    private final Clock clock;

    public EventRowImporter(LeadRepository leads, EngagementEventRepository engagements, Outbox outbox,
            Validator validator, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.outbox = outbox;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.EVENTS;
    }

    @Override
    public List<RowResult> importRows(List<CsvRows.Row> batch) {
        Instant now = clock.instant();
        // Nothing read in this batch depends on rows written in it, so one flush at commit is enough.
        leads.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Map<String, UUID> leadIds = leads.idsByExternalId(batch.stream().map(r -> r.get("external_id"))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<RowResult> results = new ArrayList<>(batch.size());
        for (CsvRows.Row row : batch) {
            try {
                row.requireComplete();
                String externalId = row.required("external_id");
                RecordEngagement request = RowImporter.valid(validator, new RecordEngagement(row.required("type"),
                        row.parsed("value", Double::valueOf), row.parsed("occurred_at", OffsetDateTime::parse)));
                if (request.occurredAt() == null) {
                    throw new IllegalArgumentException("occurred_at: is required");
                }
                UUID leadId = leadIds.get(externalId);
                if (leadId == null) {
                    throw new IllegalArgumentException("external_id: no lead has it");
                }
                EngagementEvent.Recorded recorded = EngagementEvent.record(leadId, request.type(), request.value(),
                        request.occurredAt().toInstant(), now);
                String key = externalId + "|" + request.type() + "|" + recorded.event().occurredAt;
                if (engagements.insertImported(recorded.event(), key)) {
                    outbox.append(EventTypes.LEAD_ENGAGED, leadId, recorded.engaged());
                    results.add(RowResult.accepted(row.line()));
                } else {
                    results.add(RowResult.merged(row.line()));
                }
            } catch (IllegalArgumentException e) {
                results.add(RowResult.rejected(row.line(), e.getMessage()));
            }
        }
        return results;
    }
}
