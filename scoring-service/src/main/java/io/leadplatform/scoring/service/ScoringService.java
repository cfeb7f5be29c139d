package io.leadplatform.scoring.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadScored;
import io.leadplatform.scoring.domain.Engagement;
import io.leadplatform.scoring.domain.EngagementRepository;
import io.leadplatform.scoring.domain.KnownLead;
import io.leadplatform.scoring.domain.KnownLeadRepository;
import io.leadplatform.scoring.domain.LeadScore;
import io.leadplatform.scoring.domain.LeadScoreRepository;
import io.leadplatform.scoring.domain.ScoreHistoryEntry;
import io.leadplatform.scoring.domain.ScoreHistoryRepository;
import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.Evaluation;
import io.leadplatform.scoring.model.Evaluation.Stage;
import io.leadplatform.scoring.model.EventFact;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Re-scores a lead with a model and qualifies it when it crosses a criterion. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ScoringService {

    private final KnownLeadRepository leads;
    private final EngagementRepository engagements;
    private final LeadScoreRepository scores;
    private final ScoreHistoryRepository history;
    private final ModelRegistry registry;
    private final Outbox outbox;
    private final Clock clock;

    public ScoringService(KnownLeadRepository leads, EngagementRepository engagements, LeadScoreRepository scores,
            ScoreHistoryRepository history, ModelRegistry registry, Outbox outbox, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.scores = scores;
        this.history = history;
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Scores the lead with the active model, whatever changed. */
    public void rescore(UUID leadId) {
        rescore(leadId, registry.active(), 0);
    }

    /**
     * Re-evaluates the lead with {@code model} and stores the result unless it moved by less than {@code minChange}
     * engagement points with the same fit, criteria and model (0 always stores). The lead's row is locked, so that a
     * consumer and a background pass never qualify it twice.
     *
     * @return whether a new score was stored
     */
    public boolean rescore(UUID leadId, CompiledModel model, int minChange) {
        KnownLead lead = leads.findById(leadId, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null) {
            return false;
        }
        Instant now = clock.instant();
        Evaluation result = model.evaluate(lead.profile, facts(engagements.forLead(leadId)), now);
        LeadScore score = scores.findById(leadId);
        boolean isNew = score == null;
        if (!isNew && minChange > 0 && model.version().equals(score.modelVersion)
                && score.fitScore == result.fitScore() && score.mqlMet == result.mql()
                && score.sqlMet == result.sql()
                && Math.abs(score.engagementScore - result.engagementScore()) < minChange) {
            return false;
        }
        if (isNew) {
            score = new LeadScore();
            score.leadId = leadId;
            score.stage = Stage.LEAD.name();
        }
        Stage reached = Stage.valueOf(score.stage);
        Stage criterion = result.stage();
        score.modelVersion = result.modelVersion();
        score.fitScore = result.fitScore();
        score.fitGrade = result.fitGrade();
        score.engagementScore = result.engagementScore();
        score.mqlMet = result.mql();
        score.sqlMet = result.sql();
        score.contributions = result.contributions();
        score.scoredAt = now;
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
                    p.consentMarketing(), now, lead.accountTier));
        }
        return true;
    }

    static List<EventFact> facts(List<Engagement> engagements) {
        return engagements.stream().map(e -> new EventFact(e.type, e.value, e.occurredAt)).toList();
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
