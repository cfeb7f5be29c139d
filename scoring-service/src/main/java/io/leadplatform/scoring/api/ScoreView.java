package io.leadplatform.scoring.api;

import io.leadplatform.scoring.model.Contribution;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's score: the stage reached, the stage criteria met now, each fired rule's contribution (the fit ones add up
 * to {@code fitScore}, the engagement ones to {@code engagementScore}), and its history.
 */
public record ScoreView(UUID leadId, String modelVersion, int fitScore, String fitGrade, int engagementScore,
        String stage, List<String> criteriaMet, Instant scoredAt, List<Contribution> contributions,
        List<HistoryEntry> history) {

    public record HistoryEntry(String modelVersion, int fitScore, String fitGrade, int engagementScore, String stage,
            Instant scoredAt) {
    }
}
