package io.leadplatform.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "score_history")
public class ScoreHistoryEntry {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "fit_score")
    public int fitScore;
    @Column(name = "fit_grade")
    public String fitGrade;
    @Column(name = "engagement_score")
    public int engagementScore;
    public String stage;
    @Column(name = "scored_at")
    public Instant scoredAt;
}
