package io.leadplatform.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventJson;
import io.leadplatform.scoring.domain.DefaultScoringModel;
import io.leadplatform.scoring.domain.LeadScore;
import io.leadplatform.scoring.domain.ScoringModel;
import io.leadplatform.scoring.domain.ScoringRepositories;
import io.leadplatform.scoring.rest.ModelRequest;
import io.leadplatform.scoring.rest.ModelView;
import io.leadplatform.scoring.rest.ScoreView;
import io.leadplatform.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads scores and models for the API, and stores draft models. */
@ApplicationScoped
@Transactional
public class ScoringQueries {

    private final ScoringRepositories.Scores scores;
    private final ScoringRepositories.History history;
    private final ScoringRepositories.Models models;
    private final Clock clock;

    public ScoringQueries(ScoringRepositories.Scores scores, ScoringRepositories.History history,
            ScoringRepositories.Models models, Clock clock) {
        this.scores = scores;
        this.history = history;
        this.models = models;
        this.clock = clock;
    }

    public ScoreView score(UUID leadId) {
        LeadScore s = scores.findByIdOptional(leadId)
                .orElseThrow(() -> ProblemException.notFound("a score for lead " + leadId));
        return new ScoreView(s.leadId, s.modelVersion, s.fitScore, s.fitGrade, s.engagementScore, s.stage,
                s.scoredAt, s.contributions, history.forLead(leadId).stream()
                .map(h -> new ScoreView.HistoryEntry(h.modelVersion, h.fitScore, h.fitGrade, h.engagementScore,
                        h.stage, h.scoredAt)).toList());
    }

    public List<ModelView> models() {
        return models.newestFirst().stream().map(ScoringQueries::view).toList();
    }

    public ModelView model(UUID id) {
        return view(models.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("model " + id)));
    }

    public ModelView createDraft(ModelRequest request, String user) {
        if (models.count("version", request.version()) > 0) {
            throw ProblemException.conflict("model version " + request.version() + " already exists");
        }
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

    private static ModelView view(ScoringModel m) {
        JsonNode definition = m.version.equals(DefaultScoringModel.VERSION) ? builtInDefinition() : m.definition;
        return new ModelView(m.id, m.name, m.version, m.status.name(), m.description, definition, m.createdBy,
                m.createdAt, m.activatedAt);
    }

    /** The built-in model's rules as data, so that what scores leads can be read through the API. */
    static JsonNode builtInDefinition() {
        return EventJson.mapper().valueToTree(Map.of(
                "fitRules", DefaultScoringModel.FIT_RULES.stream()
                        .map(r -> Map.of("id", r.id(), "when", r.description(), "points", r.points())).toList(),
                "engagementRules", DefaultScoringModel.ENGAGEMENT_RULES.values().stream()
                        .map(r -> Map.of("type", r.type(), "points", r.points(), "cap", r.cap(),
                                "halfLife", r.halfLife().toString())).toList(),
                "grades", Map.of("A", ">= 45", "B", ">= 30", "C", ">= 15", "D", "< 15"),
                "mql", "grade A or B and fit + engagement >= scoring.mql-threshold",
                "sql", "MQL, grade A and engagement >= scoring.sql-engagement"));
    }
}
