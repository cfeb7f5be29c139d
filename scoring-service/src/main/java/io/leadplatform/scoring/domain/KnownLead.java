package io.leadplatform.scoring.domain;

import io.leadplatform.events.LeadProfile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The latest profile of a lead as lead-service published it; {@code version} orders out-of-order updates. */
@Entity
@Table(name = "lead_profile")
public class KnownLead {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    public long version;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public LeadProfile profile;
    /** The profile's account tier (not a scoring input); lead.qualified carries it for routing. */
    @Column(name = "account_tier")
    public String accountTier;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
