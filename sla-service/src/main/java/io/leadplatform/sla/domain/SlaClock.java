package io.leadplatform.sla.domain;

import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaMet;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.events.SlaWarning;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An SLA clock on one assignment. Each transition returns the event it causes, or nothing when the clock is no
 * longer running; the service persists the state and appends the event in the same transaction.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

    @Id
    public UUID id;
    @Column(name = "lead_id", nullable = false)
    public UUID leadId;
    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "clock_type", nullable = false)
    public ClockType clockType;
    @Column(name = "policy_version", nullable = false)
    public String policyVersion;
    @Column(name = "owning_org")
    public String owningOrg;
    @Column(name = "queue_name")
    public String queueName;
    public String assignee;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockStatus status;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(name = "warn_at")
    public Instant warnAt;
    @Column(name = "warned_at")
    public Instant warnedAt;
    @Column(name = "met_at")
    public Instant metAt;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The terms a clock starts under: its target and when, as a share of it, to warn. */
    public record Policy(String version, Duration target, double warningRatio) {

        Instant dueAt(Instant start) {
            return start.plus(target);
        }

        Instant warnAt(Instant start) {
            return start.plusMillis(Math.round(target.toMillis() * warningRatio));
        }
    }

    public record Started(SlaClock clock, SlaStarted event) {
    }

    public static Started start(ClockType type, Policy policy, UUID leadId, UUID assignmentId, String owningOrg,
            String queueName, String assignee, Instant startedAt) {
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.leadId = leadId;
        clock.assignmentId = assignmentId;
        clock.clockType = type;
        clock.policyVersion = policy.version();
        clock.owningOrg = owningOrg;
        clock.queueName = queueName;
        clock.assignee = assignee;
        clock.status = ClockStatus.RUNNING;
        clock.startedAt = startedAt;
        clock.dueAt = policy.dueAt(startedAt);
        clock.warnAt = policy.warnAt(startedAt);
        return new Started(clock, new SlaStarted(leadId, clock.id, type.name(), clock.policyVersion, owningOrg,
                queueName, assignee, startedAt, clock.dueAt));
    }

    public boolean isRunning() {
        return status == ClockStatus.RUNNING;
    }

    /** The touch at {@code at} meets a running clock; a clock already met, breached or cancelled stays so. */
    public Optional<SlaMet> meet(Instant at) {
        if (!isRunning() || at.isAfter(dueAt)) {
            return Optional.empty();
        }
        status = ClockStatus.MET;
        metAt = at;
        long elapsed = Math.max(0, Duration.between(startedAt, at).toMillis());
        return Optional.of(new SlaMet(leadId, id, clockType.name(), assignee, startedAt, at, elapsed));
    }

    public Optional<SlaWarning> warn(Instant now) {
        if (!isRunning() || warnedAt != null || warnAt == null || now.isBefore(warnAt)) {
            return Optional.empty();
        }
        warnedAt = now;
        return Optional.of(new SlaWarning(leadId, id, clockType.name(), assignee, dueAt, now));
    }

    public Optional<SlaBreached> breach(Instant now) {
        if (!isRunning() || now.isBefore(dueAt)) {
            return Optional.empty();
        }
        status = ClockStatus.BREACHED;
        breachedAt = now;
        return Optional.of(new SlaBreached(leadId, id, clockType.name(), owningOrg, queueName, assignee, dueAt,
                now));
    }

    /** Stops a running clock without an outcome; nothing is published, the next assignment gets its own clock. */
    public boolean cancel(Instant now) {
        if (!isRunning()) {
            return false;
        }
        status = ClockStatus.CANCELLED;
        cancelledAt = now;
        return true;
    }
}
