package io.leadplatform.scoring.service;

import io.leadplatform.scoring.domain.LeadScore;
import io.leadplatform.scoring.domain.ScoringModel;
import io.leadplatform.scoring.domain.ScoringRepositories;
import io.leadplatform.scoring.model.ModelInvalidException;
import io.leadplatform.scoring.rest.ModelRequest;
import io.leadplatform.scoring.rest.ModelView;
import io.leadplatform.scoring.rest.ScoreView;
import io.leadplatform.support.problem.Problem;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads scores and models for the API, stores checked drafts and activates a version. */
@ApplicationScoped
@Transactional
public class ScoringQueries {

    private final ScoringRepositories.Scores scores;
    private final ScoringRepositories.History history;
    private final ScoringRepositories.Models models;
    private final ScoringRepositories.KnownLeads leads;
    private final ModelRegistry registry;
    private final Clock clock;

    public ScoringQueries(ScoringRepositories.Scores scores, ScoringRepositories.History history,
            ScoringRepositories.Models models, ScoringRepositories.KnownLeads leads, ModelRegistry registry,
            Clock clock) {
        this.scores = scores;
        this.history = history;
        this.models = models;
        this.leads = leads;
        this.registry = registry;
        this.clock = clock;
    }

    public ScoreView score(UUID leadId) {
        LeadScore s = scores.findByIdOptional(leadId)
                .orElseThrow(() -> ProblemException.notFound("a score for lead " + leadId));
        List<String> met = new ArrayList<>();
        if (s.mqlMet) {
            met.add("MQL");
        }
        if (s.sqlMet) {
            met.add("SQL");
        }
        return new ScoreView(s.leadId, s.modelVersion, s.fitScore, s.fitGrade, s.engagementScore, s.stage, met,
                s.scoredAt, s.contributions, history.forLead(leadId).stream()
                .map(h -> new ScoreView.HistoryEntry(h.modelVersion, h.fitScore, h.fitGrade, h.engagementScore,
                        h.stage, h.scoredAt)).toList());
    }

    public List<ModelView> models() {
        return models.newestFirst().stream().map(ScoringQueries::view).toList();
    }

    public ModelView model(UUID id) {
        return view(find(id));
    }

    public ModelView createDraft(ModelRequest request, String user) {
        if (models.count("version", request.version()) > 0) {
            throw ProblemException.conflict("model version " + request.version() + " already exists");
        }
        checked(() -> registry.compile(request.version(), request.definition()));
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
        return view(model);
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
            return new Activation(view(model), false);
        }
        checked(() -> registry.of(model));
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
        return new Activation(view(model), true);
    }

    public record Activation(ModelView model, boolean rescore) {
    }

    ScoringModel find(UUID id) {
        return models.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("model " + id));
    }

    static <T> T checked(java.util.function.Supplier<T> compile) {
        try {
            return compile.get();
        } catch (ModelInvalidException e) {
            throw new ProblemException(Problem.validation(e.getMessage(), e.errors()));
        }
    }

    private static ModelView view(ScoringModel m) {
        ModelView.Rescore rescore = m.rescoreStatus == null ? null : new ModelView.Rescore(m.rescoreStatus.name(),
                m.rescoreTotal, m.rescoreDone, m.rescoreStartedAt, m.rescoreFinishedAt);
        return new ModelView(m.id, m.name, m.version, m.status.name(), m.description, m.definition, m.createdBy,
                m.createdAt, m.activatedAt, rescore);
    }
}
