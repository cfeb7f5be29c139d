package io.leadplatform.scoring.rest;

import io.leadplatform.scoring.domain.DefaultScoringModel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead's score with the rules that fired and what each contributed, and its history. */
public record ScoreView(UUID leadId, String modelVersion, int fitScore, String fitGrade, int engagementScore,
        String stage, Instant scoredAt, List<DefaultScoringModel.Contribution> contributions,
        List<HistoryEntry> history) {

    public record HistoryEntry(String modelVersion, int fitScore, String fitGrade, int engagementScore, String stage,
            Instant scoredAt) {
    }
}
