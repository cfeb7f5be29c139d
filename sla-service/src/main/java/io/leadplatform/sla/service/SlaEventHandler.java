package io.leadplatform.sla.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadHandedOff;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadReassigned;
import io.leadplatform.events.LeadRejected;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.sla.domain.LeadClocks;
import io.leadplatform.sla.domain.LeadMilestone;
import io.leadplatform.sla.domain.LeadMilestoneRepository;
import io.leadplatform.sla.domain.SlaClock;
import io.leadplatform.sla.domain.SlaClockRepository;
import io.leadplatform.support.inbox.PoisonMessageException;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies consumed lead and routing events to the clocks: they start, meet and cancel them, and the prospect's next
 * engagement resumes them. Every change and the event it causes commit together, inside the inbox's transaction.
 */
@ApplicationScoped
public class SlaEventHandler {

    private static final Logger LOG = Logger.getLogger(SlaEventHandler.class);
    private static final String UNSUBSCRIBE = "unsubscribe";

    private final SlaClockRepository clocks;
    private final LeadMilestoneRepository milestones;
    private final PolicyService policies;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final SlaMetrics metrics;
    private final Clock clock;

    public SlaEventHandler(SlaClockRepository clocks, LeadMilestoneRepository milestones, PolicyService policies,
            CalendarService calendars, Outbox outbox, SlaMetrics metrics, Clock clock) {
        this.clocks = clocks;
        this.milestones = milestones;
        this.policies = policies;
        this.calendars = calendars;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records the capture and starts the system-delay clock when the policy in force runs one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void captured(CloudEvent<?> event, LeadCaptured data) {
        if (data.leadId() == null) {
            throw new PoisonMessageException("lead.captured " + event.id() + " lacks leadId", null);
        }
        clocks.lockLead(data.leadId());
        Instant at = data.capturedAt() != null ? data.capturedAt() : clock.instant();
        LeadMilestone m = milestone(data.leadId());
        if (m.capturedAt != null) {
            return;
        }
        m.capturedAt = at;
        if (data.profile() != null) {
            m.channel = data.profile().channel();
            m.direction = data.profile().direction();
        }
        if (clocks.lockAllOfLead(data.leadId()).systemDelay().isEmpty()) {
            policies.terms(ClockType.SYSTEM_DELAY, null, m.channel, m.direction).ifPresent(terms -> start(
                    ClockType.SYSTEM_DELAY, terms, new SlaClock.Subject(data.leadId(), null, null, null, null,
                            m.channel, m.direction), at));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void qualified(CloudEvent<?> event, LeadQualified data) {
        if (data.leadId() == null) {
            throw new PoisonMessageException("lead.qualified " + event.id() + " lacks leadId", null);
        }
        clocks.lockLead(data.leadId());
        Instant at = data.qualifiedAt() != null ? data.qualifiedAt() : clock.instant();
        LeadMilestone m = milestone(data.leadId());
        if (m.qualifiedAt == null) {
            m.qualifiedAt = at;
            m.channel = m.channel != null ? m.channel : data.channel();
            m.direction = m.direction != null ? m.direction : data.direction();
            clocks.lockAllOfLead(data.leadId()).systemDelay().ifPresent(c -> c.qualifiedAt = at);
        }
    }

    /**
     * Starts the clocks of a new assignment (first touch always, acceptance when the policy runs it) and meets
     * the system-delay clock; a repeat of the same assignment has no effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(CloudEvent<?> event, LeadAssigned data) {
        if (data.leadId() == null || data.assignmentId() == null) {
            throw new PoisonMessageException("lead.assigned " + event.id() + " lacks leadId or assignmentId", null);
        }
        clocks.lockLead(data.leadId());
        LeadClocks existing = clocks.lockAllOfLead(data.leadId());
        if (existing.ofAssignment(data.assignmentId(), ClockType.FIRST_TOUCH).isPresent()) {
            LOG.debugf("assignment %s already has a first-touch clock", data.assignmentId());
            return;
        }
        Instant start = data.assignedAt() != null ? data.assignedAt() : clock.instant();
        if (existing.startedAfter(ClockType.FIRST_TOUCH, start)) {
            LOG.infof("assignment %s of lead %s arrived after a newer one: no clock", data.assignmentId(),
                    data.leadId());
            return;
        }
        // A new assignment supersedes the old one even when its lead.reassigned has not arrived (yet).
        Instant now = clock.instant();
        existing.open(ClockType.FIRST_TOUCH, ClockType.ACCEPT).forEach(older -> cancel(older, now));
        Optional<LeadMilestone> m = milestones.findByIdOptional(data.leadId());
        existing.systemDelay().ifPresent(system -> {
            system.owningOrg = system.owningOrg != null ? system.owningOrg : data.owningOrg();
            system.queueName = system.queueName != null ? system.queueName : data.queueName();
            system.assignmentId = system.assignmentId != null ? system.assignmentId : data.assignmentId();
            meet(system, start);
        });
        SlaClock.Subject subject = new SlaClock.Subject(data.leadId(), data.assignmentId(), data.owningOrg(),
                data.queueName(), data.assignee(), data.channel(), data.direction());
        policies.terms(ClockType.FIRST_TOUCH, data.queueName(), data.channel(), data.direction()).ifPresent(terms -> {
            SlaClock firstTouch = start(ClockType.FIRST_TOUCH, terms, subject, start);
            m.ifPresent(milestone -> {
                firstTouch.capturedAt = milestone.capturedAt;
                firstTouch.qualifiedAt = milestone.qualifiedAt;
                if (milestone.capturedAt != null) {
                    firstTouch.systemDelayMs = Math.max(0, Duration.between(milestone.capturedAt, start).toMillis());
                }
            });
        });
        policies.terms(ClockType.ACCEPT, data.queueName(), data.channel(), data.direction())
                .ifPresent(terms -> start(ClockType.ACCEPT, terms, subject, start));
    }

    /**
     * Meets the open first-touch clock of the touched assignment (or of the lead, when the touch names none) and
     * keeps the first touch for the reports. A touch after the due time does not meet the clock; the timer
     * breaches it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(CloudEvent<?> event, LeadTouched data) {
        clocks.lockLead(data.leadId());
        Instant at = data.touchedAt() != null ? data.touchedAt() : clock.instant();
        LeadClocks existing = clocks.lockAllOfLead(data.leadId());
        List<SlaClock> candidates = data.assignmentId() != null
                ? existing.ofAssignment(data.assignmentId(), ClockType.FIRST_TOUCH).stream().toList()
                : existing.open(ClockType.FIRST_TOUCH);
        if (candidates.isEmpty()) {
            LOG.infof("touch %s of lead %s matches no first-touch clock: ignored", event.id(), data.leadId());
        }
        for (SlaClock c : candidates) {
            if (c.touchedAt == null) {
                c.recordTouch(at, calendars.forClock(c.calendarName));
                metrics.touched(c);
            }
            meet(c, at);
        }
    }

    /** Meets the assignment's acceptance clock, and the AE-acceptance clock of a handoff to that assignee. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(CloudEvent<?> event, LeadAccepted data) {
        clocks.lockLead(data.leadId());
        Instant at = data.acceptedAt() != null ? data.acceptedAt() : clock.instant();
        LeadClocks existing = clocks.lockAllOfLead(data.leadId());
        if (data.assignmentId() != null) {
            existing.ofAssignment(data.assignmentId(), ClockType.ACCEPT).ifPresent(c -> meet(c, at));
        }
        existing.open(ClockType.AE_ACCEPT).stream()
                .filter(c -> data.assignee() == null || data.assignee().equals(c.assignee))
                .forEach(c -> meet(c, at));
    }

    /** Starts the AE-acceptance clock of a handoff when the policy runs one; the XDR's clocks go on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handedOff(CloudEvent<?> event, LeadHandedOff data) {
        if (data.leadId() == null || data.assignmentId() == null) {
            throw new PoisonMessageException("lead.handed-off " + event.id() + " lacks leadId or assignmentId", null);
        }
        clocks.lockLead(data.leadId());
        if (clocks.lockAllOfLead(data.leadId()).ofAssignment(data.assignmentId(), ClockType.AE_ACCEPT).isPresent()) {
            return;
        }
        Instant at = data.handedOffAt() != null ? data.handedOffAt() : clock.instant();
        Optional<LeadMilestone> m = milestones.findByIdOptional(data.leadId());
        String channel = m.map(x -> x.channel).orElse(null);
        String direction = m.map(x -> x.direction).orElse(null);
        policies.terms(ClockType.AE_ACCEPT, null, channel, direction).ifPresent(terms -> start(ClockType.AE_ACCEPT,
                terms, new SlaClock.Subject(data.leadId(), data.assignmentId(), data.owningOrg(), null,
                        data.toAssignee(), channel, direction), at));
    }

    /** Cancels the previous assignment's open human clocks; the new assignment's lead.assigned starts its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassigned(CloudEvent<?> event, LeadReassigned data) {
        clocks.lockLead(data.leadId());
        Instant at = data.reassignedAt() != null ? data.reassignedAt() : clock.instant();
        // Only the XDR's own clocks end: an AE-acceptance clock runs on until the AE accepts.
        LeadClocks existing = clocks.lockAllOfLead(data.leadId());
        List<SlaClock> ended = data.previousAssignmentId() != null
                ? existing.openOfAssignment(data.previousAssignmentId()).stream()
                        .filter(c -> c.clockType == ClockType.FIRST_TOUCH || c.clockType == ClockType.ACCEPT).toList()
                : existing.open(ClockType.FIRST_TOUCH, ClockType.ACCEPT).stream()
                        .filter(c -> !c.assignmentId.equals(data.assignmentId())).toList();
        ended.forEach(c -> cancel(c, at));
    }

    /**
     * The prospect is active again: the lead's paused clocks (e.g. "waiting on prospect") resume as of the
     * engagement, with the business time they had left. An unsubscribe, or an engagement from before the pause
     * (a late or imported event), resumes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void engaged(CloudEvent<?> event, LeadEngaged data) {
        if (data.leadId() == null) {
            throw new PoisonMessageException("lead.engaged " + event.id() + " lacks leadId", null);
        }
        if (UNSUBSCRIBE.equals(data.type()) || !clocks.hasPaused(data.leadId())) {
            return;
        }
        clocks.lockLead(data.leadId());
        Instant now = clock.instant();
        Instant at = data.occurredAt() == null || data.occurredAt().isAfter(now) ? now : data.occurredAt();
        for (SlaClock c : clocks.lockPaused(data.leadId())) {
            if (!at.isBefore(c.pausedAt) && c.resume(at, calendars.forClock(c.calendarName))) {
                outbox.append(EventTypes.SLA_UPDATED, c.leadId, c.updatedEvent(at));
                LOG.infof("clock %s of lead %s resumed by engagement %s", c.id, c.leadId, event.id());
            }
        }
    }

    /**
     * A rejected (recycled) lead: the rejected assignment's open clocks are cancelled (sla.updated), so no breach is
     * charged for a lead nobody works any more. A clock already met or breached keeps its outcome.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(CloudEvent<?> event, LeadRejected data) {
        if (data.leadId() == null) {
            throw new PoisonMessageException("lead.rejected " + event.id() + " lacks leadId", null);
        }
        clocks.lockLead(data.leadId());
        Instant at = data.rejectedAt() != null ? data.rejectedAt() : clock.instant();
        LeadClocks existing = clocks.lockAllOfLead(data.leadId());
        List<SlaClock> open = data.assignmentId() != null ? existing.openOfAssignment(data.assignmentId())
                : existing.open(ClockType.FIRST_TOUCH, ClockType.ACCEPT);
        open.forEach(c -> cancel(c, at));
    }

    /** Erasure deletes the lead's clocks and milestones outright; nothing is published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(CloudEvent<?> event, LeadErased data) {
        clocks.lockLead(data.leadId());
        long deleted = clocks.deleteForLead(data.leadId());
        milestones.deleteById(data.leadId());
        LOG.infof("lead %s erased: %d clocks deleted", data.leadId(), deleted);
    }

    private SlaClock start(ClockType type, SlaClock.Terms terms, SlaClock.Subject subject, Instant at) {
        SlaClock.Started started = SlaClock.start(type, terms, subject, at);
        clocks.start(started.clock());
        outbox.append(EventTypes.SLA_STARTED, subject.leadId(), started.event());
        return started.clock();
    }

    private void meet(SlaClock c, Instant at) {
        c.meet(at).ifPresentOrElse(met -> {
            outbox.append(EventTypes.SLA_MET, c.leadId, met);
            metrics.met(c);
        }, () -> LOG.debugf("clock %s stays %s at %s", c.id, c.status, at));
    }

    private void cancel(SlaClock c, Instant at) {
        if (c.cancel(at)) {
            outbox.append(EventTypes.SLA_UPDATED, c.leadId, c.updatedEvent(at));
        }
    }

    private LeadMilestone milestone(UUID leadId) {
        return milestones.findByIdOptional(leadId).orElseGet(() -> {
            LeadMilestone m = new LeadMilestone();
            m.leadId = leadId;
            milestones.persist(m);
            return m;
        });
    }
}
