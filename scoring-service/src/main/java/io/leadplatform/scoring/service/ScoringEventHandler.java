package io.leadplatform.scoring.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.scoring.domain.Engagement;
import io.leadplatform.scoring.domain.EngagementRepository;
import io.leadplatform.scoring.domain.KnownLead;
import io.leadplatform.scoring.domain.KnownLeadRepository;
import io.leadplatform.scoring.domain.LeadScoreRepository;
import io.leadplatform.scoring.domain.ScoreHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Applies consumed lead events: keeps the lead's profile and engagement, and re-scores it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ScoringEventHandler {

    private final KnownLeadRepository leads;
    private final EngagementRepository engagements;
    private final LeadScoreRepository scores;
    private final ScoreHistoryRepository history;
    private final ScoringService scoring;
    private final Clock clock;

    public ScoringEventHandler(KnownLeadRepository leads, EngagementRepository engagements, LeadScoreRepository scores,
            ScoreHistoryRepository history, ScoringService scoring, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.scores = scores;
        this.history = history;
        this.scoring = scoring;
        this.clock = clock;
    }

    public void captured(CloudEvent<?> event, LeadCaptured data) {
        if (upsertProfile(data.leadId(), data.version(), data.profile())) {
            scoring.rescore(data.leadId());
        }
    }

    public void updated(CloudEvent<?> event, LeadUpdated data) {
        if (upsertProfile(data.leadId(), data.version(), data.profile())) {
            scoring.rescore(data.leadId());
        }
    }

    public void engaged(CloudEvent<?> event, LeadEngaged data) {
        if (engagements.findById(data.engagementId()) != null) {
            return;
        }
        Engagement engagement = new Engagement();
        engagement.id = data.engagementId();
        engagement.leadId = data.leadId();
        engagement.type = data.type();
        engagement.value = data.value();
        engagement.occurredAt = data.occurredAt();
        engagements.persist(engagement);
        scoring.rescore(data.leadId()); // no-op until the lead's profile has arrived
    }

    public void erased(CloudEvent<?> event, LeadErased data) {
        leads.deleteById(data.leadId());
        engagements.delete("leadId", data.leadId());
        scores.deleteById(data.leadId());
        history.delete("leadId", data.leadId());
    }

    /** Newer versions replace the profile; a stale or repeated one is dropped. */
    private boolean upsertProfile(UUID leadId, long version, LeadProfile profile) {
        KnownLead lead = leads.findById(leadId, LockModeType.PESSIMISTIC_WRITE);
        if (lead != null && lead.version >= version) {
            return false;
        }
        boolean isNew = lead == null;
        if (isNew) {
            lead = new KnownLead();
            lead.leadId = leadId;
        }
        lead.version = version;
        lead.profile = profile;
        lead.accountTier = profile == null ? null : profile.accountTier();
        lead.updatedAt = clock.instant();
        if (isNew) {
            leads.persist(lead);
        }
        return true;
    }
}
