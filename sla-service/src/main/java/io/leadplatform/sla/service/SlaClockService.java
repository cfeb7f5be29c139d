package io.leadplatform.sla.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadReassigned;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.sla.config.SlaConfig;
import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.sla.domain.SlaClock;
import io.leadplatform.sla.domain.SlaClockRepository;
import io.leadplatform.sla.rest.SlaClockView;
import io.leadplatform.support.inbox.PoisonMessageException;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs the clocks: routing events start, meet and cancel them, the timer warns and breaches them. Every change
 * and the event it causes commit together; the consumers' handlers run inside the inbox's transaction.
 */
@ApplicationScoped
public class SlaClockService {

    private static final Logger LOG = Logger.getLogger(SlaClockService.class);

    private final SlaClockRepository clocks;
    private final Outbox outbox;
    private final SlaConfig config;
    private final Clock clock;

    public SlaClockService(SlaClockRepository clocks, Outbox outbox, SlaConfig config, Clock clock) {
        this.clocks = clocks;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Starts the first-touch clock of a new assignment; a repeat of the same assignment has no effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(CloudEvent<?> event, LeadAssigned data) {
        if (data.leadId() == null || data.assignmentId() == null) {
            throw new PoisonMessageException("lead.assigned " + event.id() + " lacks leadId or assignmentId", null);
        }
        clocks.lockLead(data.leadId());
        if (clocks.lockByAssignment(data.assignmentId(), ClockType.FIRST_TOUCH).isPresent()) {
            LOG.debugf("assignment %s already has a first-touch clock", data.assignmentId());
            return;
        }
        Instant start = data.assignedAt() != null ? data.assignedAt() : clock.instant();
        if (clocks.hasStartedAfter(data.leadId(), ClockType.FIRST_TOUCH, start)) {
            LOG.infof("assignment %s of lead %s arrived after a newer one: no clock", data.assignmentId(),
                    data.leadId());
            return;
        }
        // A new assignment supersedes the old one even when its lead.reassigned has not arrived (yet).
        Instant now = clock.instant();
        clocks.lockRunning(data.leadId(), ClockType.FIRST_TOUCH).forEach(older -> older.cancel(now));
        SlaClock.Started started = SlaClock.start(ClockType.FIRST_TOUCH, firstTouchPolicy(), data.leadId(),
                data.assignmentId(), data.owningOrg(), data.queueName(), data.assignee(), start);
        clocks.persist(started.clock());
        outbox.append(EventTypes.SLA_STARTED, data.leadId(), started.event());
    }

    /**
     * Meets the running first-touch clock of the touched assignment (or of the lead, when the touch names none).
     * A touch after the due time does not meet the clock; the timer breaches it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(CloudEvent<?> event, LeadTouched data) {
        clocks.lockLead(data.leadId());
        Instant at = data.touchedAt() != null ? data.touchedAt() : clock.instant();
        List<SlaClock> candidates = data.assignmentId() != null
                ? clocks.lockByAssignment(data.assignmentId(), ClockType.FIRST_TOUCH).stream().toList()
                : clocks.lockRunning(data.leadId(), ClockType.FIRST_TOUCH);
        if (candidates.isEmpty()) {
            LOG.infof("touch %s of lead %s matches no first-touch clock: ignored", event.id(), data.leadId());
        }
        for (SlaClock c : candidates) {
            c.meet(at).ifPresentOrElse(met -> outbox.append(EventTypes.SLA_MET, c.leadId, met),
                    () -> LOG.debugf("touch %s leaves clock %s %s", event.id(), c.id, c.status));
        }
    }

    /** Acceptance does not stop the first-touch clock; later clock types may start here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(CloudEvent<?> event, LeadAccepted data) {
        LOG.debugf("lead %s accepted on assignment %s: no clock change", data.leadId(), data.assignmentId());
    }

    /** Cancels the previous assignment's running clock; the new assignment's lead.assigned starts its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassigned(CloudEvent<?> event, LeadReassigned data) {
        clocks.lockLead(data.leadId());
        Instant at = data.reassignedAt() != null ? data.reassignedAt() : clock.instant();
        List<SlaClock> ended = data.previousAssignmentId() != null
                ? clocks.lockByAssignment(data.previousAssignmentId(), ClockType.FIRST_TOUCH).stream().toList()
                : clocks.lockRunning(data.leadId(), ClockType.FIRST_TOUCH).stream()
                        .filter(c -> !c.assignmentId.equals(data.assignmentId())).toList();
        ended.forEach(c -> c.cancel(at));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(CloudEvent<?> event, LeadErased data) {
        clocks.lockLead(data.leadId());
        long deleted = clocks.deleteForLead(data.leadId());
        LOG.infof("lead %s erased: %d clocks deleted", data.leadId(), deleted);
    }

    /** Breaches one batch of overdue clocks; returns how many it took. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int breachDue(int limit) {
        Instant now = clock.instant();
        List<SlaClock> due = clocks.lockDue(now, limit);
        for (SlaClock c : due) {
            c.breach(now).ifPresent(breached -> outbox.append(EventTypes.SLA_BREACHED, c.leadId, breached));
        }
        return due.size();
    }

    /** Warns one batch of running clocks past their warning point; returns how many it took. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int warnDue(int limit) {
        Instant now = clock.instant();
        List<SlaClock> warnable = clocks.lockWarnable(now, limit);
        for (SlaClock c : warnable) {
            c.warn(now).ifPresent(warning -> outbox.append(EventTypes.SLA_WARNING, c.leadId, warning));
        }
        return warnable.size();
    }

    /** The lead's clocks; {@code onlyAssignee}, when set, limits them to that XDR's own. */
    @Transactional
    public List<SlaClockView> clocksOf(UUID leadId, String onlyAssignee) {
        return clocks.forLead(leadId).stream()
                .filter(c -> onlyAssignee == null || onlyAssignee.equals(c.assignee))
                .map(SlaClockMapper::view)
                .toList();
    }

    private SlaClock.Policy firstTouchPolicy() {
        return new SlaClock.Policy(config.policyVersion(), config.firstTouch(), config.warningRatio());
    }
}
