package io.leadplatform.scoring.service;

import io.leadplatform.scoring.api.ModelView;
import io.leadplatform.scoring.api.ScoreView;
import io.leadplatform.scoring.domain.LeadScore;
import io.leadplatform.scoring.domain.LeadScoreRepository;
import io.leadplatform.scoring.domain.ScoreHistoryRepository;
import io.leadplatform.scoring.domain.ScoringModel;
import io.leadplatform.scoring.domain.ScoringModelRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads scores and models for the API. */
@ApplicationScoped
@Transactional
public class ScoringQueries {

    private final LeadScoreRepository scores;
    private final ScoreHistoryRepository history;
    private final ScoringModelRepository models;

    public ScoringQueries(LeadScoreRepository scores, ScoreHistoryRepository history, ScoringModelRepository models) {
        this.scores = scores;
        this.history = history;
        this.models = models;
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

    ScoringModel find(UUID id) {
        return models.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("model " + id));
    }

    static ModelView view(ScoringModel m) {
        ModelView.Rescore rescore = m.rescoreStatus == null ? null : new ModelView.Rescore(m.rescoreStatus.name(),
                m.rescoreTotal, m.rescoreDone, m.rescoreStartedAt, m.rescoreFinishedAt);
        return new ModelView(m.id, m.name, m.version, m.status.name(), m.description, m.definition, m.createdBy,
                m.createdAt, m.activatedAt, rescore);
    }
}
