package io.leadplatform.scoring.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadScored;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.scoring.config.ScoringConfig;
import io.leadplatform.scoring.domain.DefaultScoringModel;
import io.leadplatform.scoring.domain.Engagement;
import io.leadplatform.scoring.domain.KnownLead;
import io.leadplatform.scoring.domain.LeadScore;
import io.leadplatform.scoring.domain.ScoreHistoryEntry;
import io.leadplatform.scoring.domain.ScoringRepositories;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Applies lead events, re-scores the lead and qualifies it when it crosses a stage's criterion. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ScoringService {

    public enum Stage { LEAD, MQL, SQL }

    private final ScoringRepositories.KnownLeads leads;
    private final ScoringRepositories.Engagements engagements;
    private final ScoringRepositories.Scores scores;
    private final ScoringRepositories.History history;
    private final Outbox outbox;
    private final ScoringConfig config;
    private final Clock clock;

    public ScoringService(ScoringRepositories.KnownLeads leads, ScoringRepositories.Engagements engagements,
            ScoringRepositories.Scores scores, ScoringRepositories.History history, Outbox outbox,
            ScoringConfig config, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.scores = scores;
        this.history = history;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public void captured(CloudEvent<?> event, LeadCaptured data) {
        if (upsertProfile(data.leadId(), data.version(), data.profile())) {
            rescore(data.leadId());
        }
    }

    public void updated(CloudEvent<?> event, LeadUpdated data) {
        if (upsertProfile(data.leadId(), data.version(), data.profile())) {
            rescore(data.leadId());
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
        rescore(data.leadId()); // no-op until the lead's profile has arrived
    }

    public void erased(CloudEvent<?> event, LeadErased data) {
        leads.deleteById(data.leadId());
        engagements.delete("leadId", data.leadId());
        scores.deleteById(data.leadId());
        history.delete("leadId", data.leadId());
    }

    /** Newer versions replace the profile; a stale or repeated one is dropped. */
    private boolean upsertProfile(UUID leadId, long version, LeadProfile profile) {
        KnownLead lead = leads.findById(leadId);
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
        lead.updatedAt = clock.instant();
        if (isNew) {
            leads.persist(lead);
        }
        return true;
    }

    void rescore(UUID leadId) {
        KnownLead lead = leads.findById(leadId);
        if (lead == null) {
            return;
        }
        Instant now = clock.instant();
        var result = DefaultScoringModel.score(lead.profile,
                engagements.forLead(leadId).stream()
                        .map(e -> new DefaultScoringModel.Engagement(e.type, e.value, e.occurredAt)).toList(),
                now);
        LeadScore score = scores.findById(leadId);
        boolean isNew = score == null;
        if (isNew) {
            score = new LeadScore();
            score.leadId = leadId;
            score.stage = Stage.LEAD.name();
        }
        Stage reached = Stage.valueOf(score.stage);
        score.modelVersion = DefaultScoringModel.VERSION;
        score.fitScore = result.fitScore();
        score.fitGrade = result.fitGrade();
        score.engagementScore = result.engagementScore();
        score.contributions = result.contributions();
        score.scoredAt = now;
        Stage criterion = stageMet(result);
        if (criterion.ordinal() > reached.ordinal()) {
            score.stage = criterion.name();
        }
        if (isNew) {
            scores.persist(score);
        }
        recordHistory(score);
        outbox.append(EventTypes.LEAD_SCORED, leadId, new LeadScored(leadId, score.modelVersion, score.fitScore,
                score.fitGrade, score.engagementScore, lead.version, now));
        if (criterion.ordinal() > reached.ordinal()) {
            LeadProfile p = lead.profile;
            outbox.append(EventTypes.LEAD_QUALIFIED, leadId, new LeadQualified(leadId, criterion.name(),
                    score.modelVersion, score.fitGrade, score.fitScore, score.engagementScore, p.direction(),
                    p.channel(), p.country(), p.region(), p.industry(), p.employees(), p.domain(),
                    p.consentMarketing(), now));
        }
    }

    /** The highest stage whose criterion the result meets now (crossing back down changes nothing). */
    Stage stageMet(DefaultScoringModel.Result result) {
        boolean goodFit = "A".equals(result.fitGrade()) || "B".equals(result.fitGrade());
        boolean mql = goodFit && result.fitScore() + result.engagementScore() >= config.mqlThreshold();
        boolean sql = mql && "A".equals(result.fitGrade()) && result.engagementScore() >= config.sqlEngagement();
        return sql ? Stage.SQL : mql ? Stage.MQL : Stage.LEAD;
    }

    private void recordHistory(LeadScore score) {
        ScoreHistoryEntry entry = new ScoreHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.leadId = score.leadId;
        entry.modelVersion = score.modelVersion;
        entry.fitScore = score.fitScore;
        entry.fitGrade = score.fitGrade;
        entry.engagementScore = score.engagementScore;
        entry.stage = score.stage;
        entry.scoredAt = score.scoredAt;
        history.persist(entry);
    }
}
