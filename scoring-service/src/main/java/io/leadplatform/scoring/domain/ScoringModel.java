package io.leadplatform.scoring.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A scoring model version. Drafts are stored as submitted; only the built-in model is evaluated so far. */
@Entity
@Table(name = "scoring_model")
public class ScoringModel {

    public enum Status { DRAFT, ACTIVE, RETIRED }

    @Id
    public UUID id;
    public String name;
    public String version;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
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
}
