package io.leadplatform.lead.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadScored;
import io.leadplatform.events.LeadStageChanged;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaMet;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.LeadSlaClock;
import io.leadplatform.lead.domain.LeadSlaClockRepository;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Folds the other services' events into the lead's read model. Events may arrive out of order, so each
 * update keeps whichever state is newer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadProjection {

    private static final Logger LOG = Logger.getLogger(LeadProjection.class);

    private final LeadRepository leads;
    private final LeadSlaClockRepository clocks;
    private final Outbox outbox;

    public LeadProjection(LeadRepository leads, LeadSlaClockRepository clocks, Outbox outbox) {
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
    }

    public void qualified(CloudEvent<?> event, LeadQualified data) {
        Lead lead = find(data.leadId(), event);
        if (lead == null) {
            return;
        }
        Lead.Stage from = Lead.Stage.valueOf(lead.stage);
        Lead.Stage to = Lead.Stage.valueOf(data.stage());
        if (to.isAfter(from)) {
            lead.stage = to.name();
            outbox.append(EventTypes.LEAD_STAGE_CHANGED, lead.id,
                    new LeadStageChanged(lead.id, from.name(), to.name(), data.qualifiedAt()));
        }
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
    }

    public void slaMet(CloudEvent<?> event, SlaMet data) {
        LeadSlaClock clock = clockFor(data.clockId(), data.leadId(), data.clockType(), data.assignee(), event);
        if (clock != null) {
            clock.status = "MET";
            clock.startedAt = data.startedAt();
            clock.metAt = data.metAt();
        }
    }

    public void slaBreached(CloudEvent<?> event, SlaBreached data) {
        LeadSlaClock clock = clockFor(data.clockId(), data.leadId(), data.clockType(), data.assignee(), event);
        if (clock != null && !"MET".equals(clock.status)) {
            clock.status = "BREACHED";
            clock.dueAt = data.dueAt();
            clock.breachedAt = data.breachedAt();
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
        Lead lead = leads.findById(leadId);
        if (lead == null) {
            LOG.infof("event %s (%s) is for unknown or erased lead %s: ignored", event.id(), event.type(), leadId);
        }
        return lead;
    }

    private static boolean isStale(Instant current, Instant incoming) {
        return current != null && incoming != null && incoming.isBefore(current);
    }
}
