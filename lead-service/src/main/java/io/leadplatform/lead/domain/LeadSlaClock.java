package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The lead's view of an SLA clock that sla-service runs. */
@Entity
@Table(name = "lead_sla_clock")
public class LeadSlaClock {

    @Id
    @Column(name = "clock_id")
    public UUID clockId;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "clock_type")
    public String clockType;
    public String status;
    public String assignee;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "met_at")
    public Instant metAt;
    @Column(name = "breached_at")
    public Instant breachedAt;
}
