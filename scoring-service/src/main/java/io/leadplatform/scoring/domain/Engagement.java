package io.leadplatform.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    public String type;
    public Double value;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
