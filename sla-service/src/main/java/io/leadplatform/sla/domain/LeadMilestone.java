package io.leadplatform.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** When a lead was captured and qualified: the start of its system delay. */
@Entity
@Table(name = "lead_milestone")
public class LeadMilestone {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    public String channel;
    public String direction;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "qualified_at")
    public Instant qualifiedAt;
}
