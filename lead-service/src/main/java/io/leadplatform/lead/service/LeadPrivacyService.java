package io.leadplatform.lead.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.lead.api.LeadExport;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.LeadSlaClockRepository;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The person's rights over their data: erasure, and the export of everything held about them. */
@ApplicationScoped
@Transactional
public class LeadPrivacyService {

    /** Tables that hold personal data about a lead by its id, deleted on erasure. */
    private static final List<String> PERSONAL_TABLES = List.of("engagement_event", "lead_timeline",
            "lead_sla_clock", "lead_external_id", "idempotency_key");

    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final LeadSlaClockRepository clocks;
    private final LeadQueries queries;
    private final Outbox outbox;
    private final Clock clock;

    public LeadPrivacyService(LeadRepository leads, EngagementEventRepository engagements,
            LeadSlaClockRepository clocks, LeadQueries queries, Outbox outbox, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.clocks = clocks;
        this.queries = queries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Erases the person: the lead row keeps only anonymous facts so the funnel counts survive; engagement, timeline,
     * external ids, idempotency keys and every outbox message about the lead (which carry the email) are deleted,
     * and lead.erased is emitted.
     */
    public void erase(UUID id) {
        Lead lead = queries.live(id);
        var em = leads.getEntityManager();
        for (String table : PERSONAL_TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE lead_id = :id").setParameter("id", id)
                    .executeUpdate();
        }
        em.createNativeQuery("DELETE FROM outbox_message WHERE subject = :id").setParameter("id", id.toString())
                .executeUpdate();
        outbox.append(EventTypes.LEAD_ERASED, id, lead.erase(clock.instant()));
    }

    /** Everything held about the person: the lead, its engagement and its timeline. */
    public LeadExport export(UUID id) {
        Lead lead = queries.live(id);
        List<String> externalIds = leads.getEntityManager()
                .createNativeQuery("SELECT external_id FROM lead_external_id WHERE lead_id = :id ORDER BY 1",
                        String.class)
                .setParameter("id", id).getResultList();
        return new LeadExport(LeadMapper.view(lead, clocks.forLead(id)), lead.companyOriginal, externalIds,
                new LeadExport.Attribution(lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.latestChannel,
                        lead.latestSource, lead.latestCampaign, lead.latestCapturedAt),
                new LeadExport.Consent(lead.consentMarketing, lead.consentContact, lead.consentRecordedAt,
                        lead.consentSource, lead.consentTextVersion),
                engagements.forLead(id).stream().map(e -> new LeadExport.Engagement(e.id, e.type, e.value,
                        e.occurredAt, e.receivedAt)).toList(),
                queries.timeline(id));
    }
}
