package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a lead's routing history, with the reason in words: which rule matched, who was picked and why. */
@Entity
@Table(name = "assignment_ledger_entry")
public class AssignmentLedgerEntry {

    /** The actor of what routing itself decides. */
    public static final String ROUTING = "routing-service";

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public Action action;
    public String actor;
    public String reason;

    public enum Action {
        ASSIGNED, ACCEPTED, TOUCHED, SLA_BREACHED
    }

    public static AssignmentLedgerEntry of(Assignment assignment, Action action, String actor, String reason,
            Instant at) {
        AssignmentLedgerEntry entry = new AssignmentLedgerEntry();
        entry.id = UUID.randomUUID();
        entry.leadId = assignment.leadId;
        entry.assignmentId = assignment.id;
        entry.at = at;
        entry.action = action;
        entry.actor = actor;
        entry.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        return entry;
    }
}
