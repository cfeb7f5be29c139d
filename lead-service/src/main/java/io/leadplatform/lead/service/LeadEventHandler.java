package io.leadplatform.lead.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadHandedOff;
import io.leadplatform.events.LeadRejected;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadScored;
import io.leadplatform.events.LeadStageChanged;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaMet;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.events.SlaUpdated;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.LeadSlaClock;
import io.leadplatform.lead.domain.LeadSlaClockRepository;
import io.leadplatform.lead.domain.TimelineRepository;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.leadplatform.lead.domain.TimelineEntry.details;

/**
 * Applies the other services' events to the lead: its read model (score, assignment, SLA clocks) and its lifecycle
 * stage. Events may arrive out of order, so each update keeps whichever state is newer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadEventHandler {

    private static final Logger LOG = Logger.getLogger(LeadEventHandler.class);
    /** Clock statuses no later change undoes. */
    private static final Set<String> TERMINAL = Set.of("MET", "BREACHED", "CANCELLED");

    private final LeadRepository leads;
    private final LeadSlaClockRepository clocks;
    private final TimelineRepository timeline;
    private final Outbox outbox;

    public LeadEventHandler(LeadRepository leads, LeadSlaClockRepository clocks, TimelineRepository timeline,
            Outbox outbox) {
        this.timeline = timeline;
        this.leads = leads;
        this.clocks = clocks;
        this.outbox = outbox;
    }

    public void scored(CloudEvent<?> event, LeadScored data) {
        Lead lead = find(data.leadId(), event);
        if (lead == null || isStale(lead.scoredAt, data.scoredAt())) {
            return;
        }
        lead.fitScore = data.fitScore();
        lead.fitGrade = data.fitGrade();
        lead.engagementScore = data.engagementScore();
        lead.modelVersion = data.modelVersion();
        lead.scoredAt = data.scoredAt();
        timeline.record(lead.id, data.scoredAt(), "scored", details("fitScore", data.fitScore(),
                "fitGrade", data.fitGrade(), "engagementScore", data.engagementScore(),
                "modelVersion", data.modelVersion()));
    }

    public void qualified(CloudEvent<?> event, LeadQualified data) {
        Lead lead = find(data.leadId(), event);
        if (lead != null) {
            move(lead, Lead.Stage.valueOf(data.stage()), data.qualifiedAt(), "qualified", null);
        }
    }

    public void accepted(CloudEvent<?> event, LeadAccepted data) {
        Lead lead = find(data.leadId(), event);
        if (lead != null) {
            move(lead, Lead.Stage.ACCEPTED, data.acceptedAt(), "accepted by " + data.assignee(), null);
        }
    }

    /** A rejection sends the lead back to marketing nurture; the reason code feeds the funnel report. */
    public void rejected(CloudEvent<?> event, LeadRejected data) {
        Lead lead = find(data.leadId(), event);
        if (lead == null) {
            return;
        }
        timeline.record(lead.id, data.rejectedAt(), "rejected", details("assignee", data.assignee(),
                "reason", data.reason(), "assignmentId", data.assignmentId()));
        move(lead, Lead.Stage.RECYCLED, data.rejectedAt(), "rejected: " + data.reason(), data.reason());
        lead.endAssignment(data.assignmentId());
    }

    public void handedOff(CloudEvent<?> event, LeadHandedOff data) {
        Lead lead = find(data.leadId(), event);
        if (lead == null) {
            return;
        }
        timeline.record(lead.id, data.handedOffAt(), "handed-off", details("from",
                data.fromAssignee(), "to", data.toAssignee(), "owningOrg", data.owningOrg()));
        move(lead, Lead.Stage.SQL, data.handedOffAt(), "handed off to " + data.toAssignee(), null);
    }

    public void touched(CloudEvent<?> event, LeadTouched data) {
        Lead lead = find(data.leadId(), event);
        if (lead != null) {
            timeline.record(lead.id, data.touchedAt(), "touched", details("assignee", data.assignee(),
                    "channel", data.channel()));
        }
    }

    /** Moves the lead's stage as {@link Lead#moveTo} allows, with a timeline entry and a lead.stage-changed. */
    private boolean move(Lead lead, Lead.Stage to, Instant at, String cause, String rejectionReason) {
        Optional<LeadStageChanged> changed = lead.moveTo(to, at, rejectionReason);
        changed.ifPresent(e -> {
            timeline.record(lead.id, e.changedAt(), "stage-changed", details("from", e.fromStage(),
                    "to", e.toStage(), "cause", cause));
            outbox.append(EventTypes.LEAD_STAGE_CHANGED, lead.id, e);
        });
        return changed.isPresent();
    }

    /**
     * An outcome decided outside the platform (the outcomes import): converted moves the lead to OPPORTUNITY,
     * rejected to REJECTED with its reason code, under the same rules as the services' events, so an outcome older
     * than the lead's last stage change never moves it backwards. Returns whether the stage changed; the caller
     * must hold the lead row's lock.
     */
    public boolean outcome(Lead lead, Lead.Stage to, Instant decidedAt, String reason, String cause) {
        boolean moved = move(lead, to, decidedAt, cause, to == Lead.Stage.REJECTED ? reason : null);
        if (moved && to == Lead.Stage.REJECTED) {
            timeline.record(lead.id, decidedAt, "rejected", details("reason", reason, "cause", cause));
        }
        return moved;
    }

    public void assigned(CloudEvent<?> event, LeadAssigned data) {
        Lead lead = find(data.leadId(), event);
        if (lead == null || isStale(lead.assignedAt, data.assignedAt())) {
            return;
        }
        lead.assignmentId = data.assignmentId();
        lead.assignedQueue = data.queueName();
        lead.owningOrg = data.owningOrg();
        lead.assignee = data.assignee();
        lead.assignedAt = data.assignedAt();
        timeline.record(lead.id, data.assignedAt(), "assigned", details("queue", data.queueName(),
                "owningOrg", data.owningOrg(), "assignee", data.assignee()));
    }

    public void slaStarted(CloudEvent<?> event, SlaStarted data) {
        if (find(data.leadId(), event) == null || clocks.findById(data.clockId()) != null) {
            return; // a met or breached clock that arrived first stays as it is
        }
        LeadSlaClock clock = newClock(data.clockId(), data.leadId(), data.clockType(), data.assignee());
        clock.status = "RUNNING";
        clock.startedAt = data.startedAt();
        clock.dueAt = data.dueAt();
        clocks.persist(clock);
        timeline.record(data.leadId(), data.startedAt(), "sla-started", details("clockType",
                data.clockType(), "dueAt", String.valueOf(data.dueAt())));
    }

    public void slaMet(CloudEvent<?> event, SlaMet data) {
        LeadSlaClock clock = clockFor(data.clockId(), data.leadId(), data.clockType(), data.assignee(), event);
        if (clock != null) {
            clock.status = "MET";
            clock.startedAt = data.startedAt();
            clock.metAt = data.metAt();
            timeline.record(data.leadId(), data.metAt(), "sla-met", details("clockType",
                    data.clockType()));
        }
    }

    public void slaBreached(CloudEvent<?> event, SlaBreached data) {
        LeadSlaClock clock = clockFor(data.clockId(), data.leadId(), data.clockType(), data.assignee(), event);
        if (clock != null && !"MET".equals(clock.status)) {
            clock.status = "BREACHED";
            clock.dueAt = data.dueAt();
            clock.breachedAt = data.breachedAt();
            timeline.record(data.leadId(), data.breachedAt(), "sla-breached", details("clockType",
                    data.clockType()));
        }
    }

    /** A clock cancelled, paused or resumed; one the view already shows met, breached or cancelled stays so. */
    public void slaUpdated(CloudEvent<?> event, SlaUpdated data) {
        LeadSlaClock clock = clockFor(data.clockId(), data.leadId(), data.clockType(), data.assignee(), event);
        if (clock != null && !TERMINAL.contains(clock.status)) {
            clock.status = data.status();
            clock.dueAt = data.dueAt();
            timeline.record(data.leadId(), data.changedAt(), "sla-" + data.status().toLowerCase(Locale.ROOT),
                    details("clockType", data.clockType()));
        }
    }

    private LeadSlaClock clockFor(UUID clockId, UUID leadId, String type, String assignee, CloudEvent<?> event) {
        LeadSlaClock clock = clocks.findById(clockId);
        if (clock != null || find(leadId, event) == null) {
            return clock;
        }
        clock = newClock(clockId, leadId, type, assignee);
        clocks.persist(clock);
        return clock;
    }

    private static LeadSlaClock newClock(UUID clockId, UUID leadId, String type, String assignee) {
        LeadSlaClock clock = new LeadSlaClock();
        clock.clockId = clockId;
        clock.leadId = leadId;
        clock.clockType = type;
        clock.assignee = assignee;
        return clock;
    }

    private Lead find(UUID leadId, CloudEvent<?> event) {
        Lead lead = leads.findLiveForUpdate(leadId).orElse(null);
        if (lead == null) {
            LOG.infof("event %s (%s) is for unknown or erased lead %s: ignored", event.id(), event.type(), leadId);
        }
        return lead;
    }

    private static boolean isStale(Instant current, Instant incoming) {
        return current != null && incoming != null && incoming.isBefore(current);
    }
}
