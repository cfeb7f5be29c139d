package io.leadplatform.scoring.service;

import io.leadplatform.scoring.api.ModelRequest;
import io.leadplatform.scoring.api.ModelView;
import io.leadplatform.scoring.domain.KnownLeadRepository;
import io.leadplatform.scoring.domain.ScoringModel;
import io.leadplatform.scoring.domain.ScoringModelRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Stores checked drafts of a model and activates a version. */
@ApplicationScoped
@Transactional
public class ModelService {

    private final ScoringModelRepository models;
    private final KnownLeadRepository leads;
    private final ModelRegistry registry;
    private final Clock clock;

    public ModelService(ScoringModelRepository models, KnownLeadRepository leads, ModelRegistry registry,
            Clock clock) {
        this.models = models;
        this.leads = leads;
        this.registry = registry;
        this.clock = clock;
    }

    public ModelView createDraft(ModelRequest request, String user) {
        if (models.count("version", request.version()) > 0) {
            throw ProblemException.conflict("model version " + request.version() + " already exists");
        }
        ModelRegistry.checked(() -> registry.compile(request.version(), request.definition()));
        ScoringModel model = new ScoringModel();
        model.id = UUID.randomUUID();
        model.name = request.name().strip();
        model.version = request.version();
        model.status = ScoringModel.Status.DRAFT;
        model.description = request.description();
        model.definition = request.definition();
        model.createdBy = user;
        model.createdAt = clock.instant();
        models.persist(model);
        return ScoringQueries.view(model);
    }

    /**
     * Makes this version the only active one (the previous one is retired, never deleted) and marks the re-scoring
     * of every stored lead as running; the caller starts it once this transaction has committed.
     *
     * @return the model, and whether a roll-out must start (false when it was already active)
     */
    public Activation activate(UUID id) {
        ScoringModel model = models.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("model " + id));
        if (model.status == ScoringModel.Status.ACTIVE) {
            return new Activation(ScoringQueries.view(model), false);
        }
        ModelRegistry.checked(() -> registry.of(model));
        ScoringModel current = models.find("status", ScoringModel.Status.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (current != null) {
            current.status = ScoringModel.Status.RETIRED;
            models.flush(); // the one-active index is checked row by row
        }
        model.status = ScoringModel.Status.ACTIVE;
        model.activatedAt = clock.instant();
        model.rescoreStatus = ScoringModel.RescoreStatus.RUNNING;
        model.rescoreTotal = (int) leads.count();
        model.rescoreDone = 0;
        model.rescoreStartedAt = model.activatedAt;
        model.rescoreFinishedAt = null;
        return new Activation(ScoringQueries.view(model), true);
    }

    public record Activation(ModelView model, boolean rescore) {
    }
}
