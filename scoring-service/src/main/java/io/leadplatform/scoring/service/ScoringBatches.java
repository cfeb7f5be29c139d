package io.leadplatform.scoring.service;

import io.leadplatform.scoring.domain.EngagementRepository;
import io.leadplatform.scoring.domain.KnownLeadRepository;
import io.leadplatform.scoring.domain.ScoringModel;
import io.leadplatform.scoring.domain.ScoringModelRepository;
import io.leadplatform.scoring.model.CompiledModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The transactions of the background passes: each batch of leads is re-scored in a transaction of its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ScoringBatches {

    private final KnownLeadRepository leads;
    private final EngagementRepository engagements;
    private final ScoringModelRepository models;
    private final ModelRegistry registry;
    private final ScoringService scoring;
    private final Clock clock;

    public ScoringBatches(KnownLeadRepository leads, EngagementRepository engagements,
            ScoringModelRepository models, ModelRegistry registry, ScoringService scoring, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.models = models;
        this.registry = registry;
        this.scoring = scoring;
        this.clock = clock;
    }

    public List<UUID> allLeadIds() {
        return leads.getEntityManager()
                .createQuery("select l.leadId from KnownLead l order by l.leadId", UUID.class).getResultList();
    }

    public List<UUID> leadsEngagedSince(Instant since) {
        return engagements.getEntityManager()
                .createQuery("select distinct e.leadId from Engagement e where e.occurredAt >= ?1", UUID.class)
                .setParameter(1, since).getResultList();
    }

    public void startRescore(UUID modelId, int total) {
        ScoringModel model = models.findById(modelId, LockModeType.PESSIMISTIC_WRITE);
        model.rescoreTotal = total;
    }

    /**
     * Re-scores a batch with the model being rolled out, and counts it.
     *
     * @return false when another version was activated meanwhile, which stops this roll-out
     */
    public boolean rescore(UUID modelId, List<UUID> batch) {
        ScoringModel model = models.findById(modelId, LockModeType.PESSIMISTIC_WRITE);
        if (model.status != ScoringModel.Status.ACTIVE) {
            if (model.rescoreStatus == ScoringModel.RescoreStatus.RUNNING) {
                model.rescoreStatus = ScoringModel.RescoreStatus.SUPERSEDED;
                model.rescoreFinishedAt = clock.instant();
            }
            return false;
        }
        CompiledModel compiled = registry.of(model);
        for (UUID leadId : batch) {
            scoring.rescore(leadId, compiled, 0);
        }
        model.rescoreDone = (model.rescoreDone == null ? 0 : model.rescoreDone) + batch.size();
        return true;
    }

    public void finishRescore(UUID modelId, ScoringModel.RescoreStatus status) {
        ScoringModel model = models.findById(modelId, LockModeType.PESSIMISTIC_WRITE);
        if (model.rescoreStatus == ScoringModel.RescoreStatus.RUNNING) {
            model.rescoreStatus = status;
            model.rescoreFinishedAt = clock.instant();
        }
    }

    /** Re-evaluates a batch with the active model; only leads whose score moved are stored and published. */
    public int reevaluate(List<UUID> batch, int minChange) {
        CompiledModel active = registry.active();
        int stored = 0;
        for (UUID leadId : batch) {
            if (scoring.rescore(leadId, active, minChange)) {
                stored++;
            }
        }
        return stored;
    }
}
