package io.leadplatform.scoring.domain;

import io.leadplatform.scoring.model.Contribution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A lead's current score; {@code stage} is the highest stage it has qualified for, so it never flaps down. */
@Entity
@Table(name = "lead_score")
public class LeadScore {

    @Id
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
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Contribution> contributions = new ArrayList<>();
    @Column(name = "mql_met")
    public boolean mqlMet;
    @Column(name = "sql_met")
    public boolean sqlMet;
    @Column(name = "scored_at")
    public Instant scoredAt;
}
