package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
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
    @Column(name = "policy_version")
    public String policyVersion;
    @Column(name = "rule_name")
    public String ruleName;
    /** The members considered, comma-separated, in order. */
    public String candidates;
    /** Each skipped member with the reason, "name: reason" separated by "; ". */
    public String skipped;
    public String chosen;
    /** Assigned by the database, in insertion order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public enum Action {
        ASSIGNED, ACCEPTED, TOUCHED, SLA_BREACHED, REJECTED, HANDED_OFF, REASSIGNED, MEMBER_UNAVAILABLE, WAITING
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
        entry.reason = cut(reason);
        return entry;
    }

    /** A line for a lead that has no assignment yet, such as one waiting for capacity. */
    public static AssignmentLedgerEntry unassigned(UUID leadId, Action action, String reason, Instant at) {
        AssignmentLedgerEntry entry = new AssignmentLedgerEntry();
        entry.id = UUID.randomUUID();
        entry.leadId = leadId;
        entry.at = at;
        entry.action = action;
        entry.actor = ROUTING;
        entry.reason = cut(reason);
        return entry;
    }

    /** Records the decision behind an assignment in fields as well as in words. */
    public AssignmentLedgerEntry decision(String version, String rule, List<String> considered, List<?> skips,
            String chosenMember) {
        policyVersion = version;
        ruleName = rule;
        candidates = cut(String.join(", ", considered));
        skipped = skips.isEmpty() ? null : cut(skips.stream().map(Object::toString).collect(Collectors.joining("; ")));
        chosen = chosenMember;
        return this;
    }

    private static String cut(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
