package io.leadplatform.sla.domain;

import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaMet;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.events.SlaUpdated;
import io.leadplatform.events.SlaWarning;
import io.leadplatform.sla.calendar.BusinessCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An SLA clock on one handoff. Each transition returns the event it causes, or nothing when the clock is no
 * longer running; the service persists the state and appends the event in the same transaction. Due and warning
 * times are business time on the clock's calendar, turned into instants when the clock starts or resumes.
 */
@Entity
@Table(name = "sla_clock")
// Meeting, cancelling or stamping a clock changes a few columns: write those, not all 31.
@DynamicUpdate
public class SlaClock {

    @Id
    public UUID id;
    @Column(name = "lead_id", nullable = false)
    public UUID leadId;
    @Column(name = "assignment_id")
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
    public String channel;
    public String direction;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockStatus status;
    @Column(name = "calendar_name", nullable = false)
    public String calendarName;
    @Column(name = "target_ms")
    public Long targetMs;
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
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "pause_reason")
    public String pauseReason;
    @Column(name = "paused_business_ms", nullable = false)
    public long pausedBusinessMs;
    @Column(name = "remaining_ms")
    public Long remainingMs;
    @Column(name = "warn_remaining_ms")
    public Long warnRemainingMs;
    @Column(name = "touched_at")
    public Instant touchedAt;
    @Column(name = "touch_wall_ms")
    public Long touchWallMs;
    @Column(name = "touch_business_ms")
    public Long touchBusinessMs;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "qualified_at")
    public Instant qualifiedAt;
    @Column(name = "system_delay_ms")
    public Long systemDelayMs;

    /** The terms a clock starts under: the policy version, its business-time target, warning share and calendar. */
    public record Terms(String version, Duration target, double warningRatio, BusinessCalendar calendar) {

        Instant dueAt(Instant start) {
            return calendar.plus(start, target);
        }

        Instant warnAt(Instant start) {
            return calendar.plus(start, Duration.ofMillis(Math.round(target.toMillis() * warningRatio)));
        }
    }

    /** Who and what a clock is about. */
    public record Subject(UUID leadId, UUID assignmentId, String owningOrg, String queueName, String assignee,
            String channel, String direction) {
    }

    public record Started(SlaClock clock, SlaStarted event) {
    }

    public static Started start(ClockType type, Terms terms, Subject subject, Instant startedAt) {
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.leadId = subject.leadId();
        clock.assignmentId = subject.assignmentId();
        clock.clockType = type;
        clock.policyVersion = terms.version();
        clock.owningOrg = subject.owningOrg();
        clock.queueName = subject.queueName();
        clock.assignee = subject.assignee();
        clock.channel = subject.channel();
        clock.direction = subject.direction();
        clock.status = ClockStatus.RUNNING;
        clock.calendarName = terms.calendar().name();
        clock.targetMs = terms.target().toMillis();
        clock.startedAt = startedAt;
        clock.dueAt = terms.dueAt(startedAt);
        clock.warnAt = terms.warnAt(startedAt);
        return new Started(clock, clock.startedEvent());
    }

    public SlaStarted startedEvent() {
        return new SlaStarted(leadId, id, clockType.name(), policyVersion, owningOrg, queueName, assignee, startedAt,
                dueAt);
    }

    public boolean isRunning() {
        return status == ClockStatus.RUNNING;
    }

    public boolean isOpen() {
        return status == ClockStatus.RUNNING || status == ClockStatus.PAUSED;
    }

    /**
     * The touch or acceptance at {@code at} meets an open clock: a running one only up to its due time, a paused
     * one at any time (its time is not running out). A clock already met, breached or cancelled stays so.
     */
    public Optional<SlaMet> meet(Instant at) {
        if (!isOpen() || (isRunning() && at.isAfter(dueAt))) {
            return Optional.empty();
        }
        status = ClockStatus.MET;
        metAt = at;
        pausedAt = null;
        remainingMs = null;
        warnRemainingMs = null;
        long elapsed = Math.max(0, Duration.between(startedAt, at).toMillis());
        return Optional.of(new SlaMet(leadId, id, clockType.name(), assignee, startedAt, at, elapsed));
    }

    /** Keeps the first touch, in time or late, for the time-to-first-touch figures; later touches change nothing. */
    public void recordTouch(Instant at, BusinessCalendar calendar) {
        if (touchedAt != null) {
            return;
        }
        touchedAt = at;
        touchWallMs = Math.max(0, Duration.between(startedAt, at).toMillis());
        touchBusinessMs = Math.max(0, calendar.between(startedAt, at).toMillis() - pausedBusinessMs);
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

    /** Stops a running clock before its due time and keeps the business time it has left. */
    public boolean pause(Instant now, String reason, BusinessCalendar calendar) {
        if (!isRunning() || !now.isBefore(dueAt)) {
            return false;
        }
        status = ClockStatus.PAUSED;
        pausedAt = now;
        pauseReason = reason;
        remainingMs = calendar.between(now, dueAt).toMillis();
        warnRemainingMs = warnedAt == null && warnAt != null ? calendar.between(now, warnAt).toMillis() : null;
        return true;
    }

    /** Restarts a paused clock: the due and warning times move by the business time it spent paused. */
    public boolean resume(Instant now, BusinessCalendar calendar) {
        if (status != ClockStatus.PAUSED) {
            return false;
        }
        pausedBusinessMs += calendar.between(pausedAt, now).toMillis();
        dueAt = calendar.plus(now, Duration.ofMillis(remainingMs));
        if (warnRemainingMs != null) {
            warnAt = calendar.plus(now, Duration.ofMillis(warnRemainingMs));
        }
        status = ClockStatus.RUNNING;
        pausedAt = null;
        pauseReason = null;
        remainingMs = null;
        warnRemainingMs = null;
        return true;
    }

    /** What readers of the clock learn of a change that is neither a met nor a breach: a cancel, pause or resume. */
    public SlaUpdated updatedEvent(Instant at) {
        return new SlaUpdated(leadId, id, clockType.name(), assignee, status.name(), dueAt, at);
    }

    /** Stops an open clock without an outcome: no breach is charged for it. */
    public boolean cancel(Instant now) {
        if (!isOpen()) {
            return false;
        }
        status = ClockStatus.CANCELLED;
        cancelledAt = now;
        return true;
    }
}
