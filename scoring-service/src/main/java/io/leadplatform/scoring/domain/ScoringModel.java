package io.leadplatform.scoring.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A scoring model version: a CEL definition, checked when saved. Exactly one version is ACTIVE; activating one
 * retires the previous one and re-scores every lead in the background, with the progress kept here.
 */
@Entity
@Table(name = "scoring_model")
public class ScoringModel {

    public enum Status { DRAFT, ACTIVE, RETIRED }

    public enum RescoreStatus { RUNNING, DONE, SUPERSEDED, FAILED }

    @Id
    public UUID id;
    public String name;
    public String version;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode definition;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "rescore_status")
    public RescoreStatus rescoreStatus;
    @Column(name = "rescore_total")
    public Integer rescoreTotal;
    @Column(name = "rescore_done")
    public Integer rescoreDone;
    @Column(name = "rescore_started_at")
    public Instant rescoreStartedAt;
    @Column(name = "rescore_finished_at")
    public Instant rescoreFinishedAt;
}
