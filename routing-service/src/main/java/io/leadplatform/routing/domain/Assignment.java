package io.leadplatform.routing.domain;

import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadRejected;
import io.leadplatform.events.LeadTouched;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A lead placed with one member of one queue under one policy version. A lead has at most one ACTIVE one. */
@Entity
@Table(name = "assignment")
// A touch, an SLA start or a breach changes one or two columns: write those, not all 20.
@DynamicUpdate
public class Assignment {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @ManyToOne
    @JoinColumn(name = "queue_id")
    public RoutingQueue queue;
    public String assignee;
    @Enumerated(EnumType.STRING)
    @Column(name = "owning_org")
    public OwningOrg owningOrg;
    @Column(name = "policy_version")
    public String policyVersion;
    public String direction;
    public String channel;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "first_touched_at")
    public Instant firstTouchedAt;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Column(name = "rule_name")
    public String ruleName;
    /** Fit plus engagement at qualification; orders an XDR's work after the SLA due time. */
    public Integer score;
    /** The lead's account, for account-owner sticky routing. */
    public String domain;
    /** The lead's account tier, so a hand-off or reassignment without stored facts still routes by it. */
    @Column(name = "account_tier")
    public String accountTier;
    /** The earliest due time of a running SLA clock, from sla.started. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "end_reason")
    public String endReason;

    /** A lead has at most one ACTIVE assignment; reject, hand-off and reassignment end it. */
    public enum Status {
        ACTIVE, REJECTED, HANDED_OFF, REASSIGNED
    }

    public record Assigned(Assignment assignment, LeadAssigned event) {
    }

    public static Assigned assign(UUID leadId, RoutingFacts facts, String policyVersion, String ruleName,
            RoutingQueue queue, String assignee, Instant at) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.leadId = leadId;
        a.queue = queue;
        a.assignee = assignee;
        a.owningOrg = queue.owningOrg;
        a.policyVersion = policyVersion;
        a.ruleName = ruleName;
        a.direction = facts.direction();
        a.channel = facts.channel();
        a.score = facts.score();
        a.domain = facts.domain();
        a.accountTier = facts.accountTier();
        a.status = Status.ACTIVE;
        a.assignedAt = at;
        return new Assigned(a, new LeadAssigned(leadId, a.id, a.queue.id, a.queue.name, a.owningOrg.name(),
                a.assignee, a.policyVersion, a.direction, a.channel, at));
    }

    /** Closes the assignment; the caller flushes before a new ACTIVE one of the lead is inserted. */
    public void end(Status newStatus, String reason, Instant at) {
        status = newStatus;
        endReason = reason;
        endedAt = at;
    }

    public LeadRejected reject(String reason, Instant at) {
        end(Status.REJECTED, reason, at);
        return new LeadRejected(leadId, id, assignee, reason, at);
    }

    public void slaStarted(Instant dueAt) {
        if (slaDueAt == null || dueAt.isBefore(slaDueAt)) {
            slaDueAt = dueAt;
        }
    }

    public boolean isAssignedTo(String username) {
        return assignee.equals(username);
    }

    /** Every touch is reported; the first one also stops the speed-to-lead clock. */
    public LeadTouched touch(String touchChannel, Instant at) {
        if (firstTouchedAt == null) {
            firstTouchedAt = at;
        }
        return new LeadTouched(leadId, id, assignee, touchChannel, at);
    }

    /** Accepting twice changes nothing and reports nothing. */
    public Optional<LeadAccepted> accept(Instant at) {
        if (acceptedAt != null) {
            return Optional.empty();
        }
        acceptedAt = at;
        return Optional.of(new LeadAccepted(leadId, id, assignee, at));
    }

    /** Keeps the first breach; later breaches of other clocks only reach the ledger. */
    public void breached(Instant at) {
        if (breachedAt == null || at.isBefore(breachedAt)) {
            breachedAt = at;
        }
    }
}
