package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A lead its queue could not place yet; it is assigned as soon as someone in the chain has room. */
@Entity
@Table(name = "waiting_lead")
public class WaitingLead {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "queue_id")
    public RoutingQueue queue;
    @Column(name = "policy_version")
    public String policyVersion;
    @Column(name = "rule_name")
    public String ruleName;
    public Instant since;
    public String reason;

    public static WaitingLead of(UUID leadId, RoutingQueue queue, String policyVersion, String ruleName, Instant since,
            String reason) {
        WaitingLead w = new WaitingLead();
        w.leadId = leadId;
        w.queue = queue;
        w.policyVersion = policyVersion;
        w.ruleName = ruleName;
        w.since = since;
        w.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        return w;
    }
}
