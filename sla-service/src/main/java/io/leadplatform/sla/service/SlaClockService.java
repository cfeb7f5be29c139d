package io.leadplatform.sla.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaWarning;
import io.leadplatform.sla.api.SlaClockView;
import io.leadplatform.sla.domain.SlaClock;
import io.leadplatform.sla.domain.SlaClockRepository;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs the clocks outside the consumed events: the timer warns and breaches them, people pause and resume them.
 * Every change and the event it causes commit together.
 */
@ApplicationScoped
public class SlaClockService {

    private final SlaClockRepository clocks;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final SlaMetrics metrics;
    private final Clock clock;

    public SlaClockService(SlaClockRepository clocks, CalendarService calendars, Outbox outbox, SlaMetrics metrics,
            Clock clock) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Breaches one batch of overdue clocks; returns how many it took. The state change is one set-based UPDATE
     * (the same rule as {@link SlaClock#breach}), and its outbox rows commit with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int breachDue(int limit) {
        Instant now = clock.instant();
        List<SlaClockRepository.Due> due = clocks.breachDue(now, limit);
        for (SlaClockRepository.Due c : due) {
            outbox.append(EventTypes.SLA_BREACHED, c.leadId(), new SlaBreached(c.leadId(), c.id(),
                    c.clockType().name(), c.owningOrg(), c.queueName(), c.assignee(), c.dueAt(), now));
            metrics.breached(c.owningOrg(), c.queueName(), c.clockType());
        }
        return due.size();
    }

    /** Warns one batch of running clocks past their warning point (as {@link SlaClock#warn}); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int warnDue(int limit) {
        Instant now = clock.instant();
        List<SlaClockRepository.Due> warnable = clocks.warnDue(now, limit);
        for (SlaClockRepository.Due c : warnable) {
            outbox.append(EventTypes.SLA_WARNING, c.leadId(), new SlaWarning(c.leadId(), c.id(),
                    c.clockType().name(), c.assignee(), c.dueAt(), now));
        }
        return warnable.size();
    }

    /** Pauses a running clock (e.g. waiting on the prospect); an XDR may pause only their own. */
    @Transactional
    public SlaClockView pause(UUID clockId, String reason, String onlyAssignee) {
        SlaClock c = ownClock(clockId, onlyAssignee);
        Instant now = clock.instant();
        if (!c.pause(now, reason, calendars.forClock(c.calendarName))) {
            throw ProblemException.conflict("clock " + clockId + " is " + c.status
                    + (c.isRunning() ? " and already due" : "") + ": only a running clock before its due time pauses");
        }
        outbox.append(EventTypes.SLA_UPDATED, c.leadId, c.updatedEvent(now));
        return SlaClockMapper.view(c);
    }

    @Transactional
    public SlaClockView resume(UUID clockId, String onlyAssignee) {
        SlaClock c = ownClock(clockId, onlyAssignee);
        Instant now = clock.instant();
        if (!c.resume(now, calendars.forClock(c.calendarName))) {
            throw ProblemException.conflict("clock " + clockId + " is " + c.status + ": only a paused clock resumes");
        }
        outbox.append(EventTypes.SLA_UPDATED, c.leadId, c.updatedEvent(now));
        return SlaClockMapper.view(c);
    }

    /** The lead's clocks; {@code onlyAssignee}, when set, limits them to that XDR's own. */
    @Transactional
    public List<SlaClockView> clocksOf(UUID leadId, String onlyAssignee) {
        return clocks.forLead(leadId).stream()
                .filter(c -> onlyAssignee == null || onlyAssignee.equals(c.assignee))
                .map(SlaClockMapper::view)
                .toList();
    }

    private SlaClock ownClock(UUID clockId, String onlyAssignee) {
        SlaClock c = clocks.lockById(clockId).orElseThrow(() -> ProblemException.notFound("clock " + clockId));
        if (onlyAssignee != null && !onlyAssignee.equals(c.assignee)) {
            // Someone else's clock is reported as missing, so its existence does not leak.
            throw ProblemException.notFound("clock " + clockId);
        }
        return c;
    }
}
