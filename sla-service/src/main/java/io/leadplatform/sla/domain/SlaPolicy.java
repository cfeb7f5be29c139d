package io.leadplatform.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stored version of the SLA policy; its definition (JSON) never changes once written. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    public int version;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String definition;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "activated_at")
    public Instant activatedAt;

    /** The label clocks record, e.g. {@code inbound-v3}. */
    public String label() {
        return name + "-v" + version;
    }
}
