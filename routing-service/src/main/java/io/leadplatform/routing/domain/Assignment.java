package io.leadplatform.routing.domain;

import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadTouched;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A lead placed with one member of one queue under one policy version. A lead has at most one ACTIVE one. */
@Entity
@Table(name = "assignment")
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

    /** Only ACTIVE exists so far; reject, hand-off and reassignment will end an assignment with the others. */
    public enum Status {
        ACTIVE, REJECTED, HANDED_OFF, REASSIGNED
    }

    public record Assigned(Assignment assignment, LeadAssigned event) {
    }

    public static Assigned assign(UUID leadId, RoutingFacts facts, RoutingDecision decision, MemberPick pick,
            Instant at) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.leadId = leadId;
        a.queue = decision.queue();
        a.assignee = pick.member().username;
        a.owningOrg = decision.queue().owningOrg;
        a.policyVersion = decision.policyVersion();
        a.direction = facts.direction();
        a.channel = facts.channel();
        a.status = Status.ACTIVE;
        a.assignedAt = at;
        return new Assigned(a, new LeadAssigned(leadId, a.id, a.queue.id, a.queue.name, a.owningOrg.name(),
                a.assignee, a.policyVersion, a.direction, a.channel, at));
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
