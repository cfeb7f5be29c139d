package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One SLA breach charged to a member, counted over a window by escalation. */
@Entity
@Table(name = "member_breach")
public class MemberBreach {

    @Id
    public UUID id;
    public String username;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "clock_type")
    public String clockType;
    public Instant at;

    public static MemberBreach of(String username, UUID leadId, String clockType, Instant at) {
        MemberBreach b = new MemberBreach();
        b.id = UUID.randomUUID();
        b.username = username;
        b.leadId = leadId;
        b.clockType = clockType;
        b.at = at;
        return b;
    }
}
