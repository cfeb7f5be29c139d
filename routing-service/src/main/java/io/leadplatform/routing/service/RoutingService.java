package io.leadplatform.routing.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.AssignmentLedgerRepository;
import io.leadplatform.routing.domain.AssignmentRepository;
import io.leadplatform.routing.domain.MemberPick;
import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipPolicyRepository;
import io.leadplatform.routing.domain.RoutingDecision;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.support.inbox.PoisonMessageException;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Applies the events routing consumes, each inside the inbox's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final OwnershipPolicyRepository policies;
    private final RoutingQueueRepository queues;
    private final AssignmentRepository assignments;
    private final AssignmentLedgerRepository ledger;
    private final Outbox outbox;
    private final Clock clock;

    public RoutingService(OwnershipPolicyRepository policies, RoutingQueueRepository queues,
            AssignmentRepository assignments, AssignmentLedgerRepository ledger, Outbox outbox, Clock clock) {
        this.policies = policies;
        this.queues = queues;
        this.assignments = assignments;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Routes a newly qualified lead under the active policy. A lead that is already assigned stays where it is. */
    public void qualified(CloudEvent<?> event, LeadQualified data) {
        assignments.lockLead(data.leadId());
        if (assignments.findActive(data.leadId()).isPresent()) {
            LOG.debugf("lead %s is already assigned; %s (%s) does not re-route it", data.leadId(), event.id(),
                    data.stage());
            return;
        }
        RoutingFacts facts = RoutingFacts.of(data);
        RoutingDecision decision;
        MemberPick pick;
        try {
            OwnershipPolicy policy = policies.findActive()
                    .orElseThrow(() -> new RoutingException("no active ownership policy"));
            decision = policy.route(facts);
            pick = queues.lockForRouting(decision.queue()).pickNext();
        } catch (RoutingException e) {
            // Redelivering cannot fix the setup: dead-letter now, and replay from the DLQ once it is fixed.
            throw new PoisonMessageException("cannot route lead " + data.leadId() + ": " + e.getMessage(), e);
        }
        Instant now = now();
        Assignment.Assigned assigned = Assignment.assign(data.leadId(), facts, decision, pick, now);
        assignments.persist(assigned.assignment());
        ledger.persist(AssignmentLedgerEntry.of(assigned.assignment(), AssignmentLedgerEntry.Action.ASSIGNED,
                AssignmentLedgerEntry.ROUTING, "qualified " + data.stage() + " (scoring model "
                        + data.modelVersion() + "); " + decision.reason() + "; " + pick.reason(), now));
        outbox.append(EventTypes.LEAD_ASSIGNED, data.leadId(), assigned.event());
    }

    /** Records the breach on the lead's active assignment; escalation is not decided here yet. */
    public void slaBreached(CloudEvent<?> event, SlaBreached data) {
        Assignment assignment = assignments.findActiveForUpdate(data.leadId()).orElse(null);
        if (assignment == null) {
            LOG.infof("sla breach %s for lead %s without an active assignment: ignored", event.id(), data.leadId());
            return;
        }
        Instant at = data.breachedAt() != null ? data.breachedAt() : now();
        assignment.breached(at);
        ledger.persist(AssignmentLedgerEntry.of(assignment, AssignmentLedgerEntry.Action.SLA_BREACHED,
                event.source(), "clock " + data.clockType() + " (" + data.clockId() + ") of " + data.assignee()
                        + " was due " + data.dueAt() + " and breached " + data.breachedAt(), at));
    }

    /** Erasure removes every assignment and ledger line of the lead. */
    public void erased(CloudEvent<?> event, LeadErased data) {
        assignments.lockLead(data.leadId());
        long rows = ledger.deleteForLead(data.leadId()) + assignments.deleteForLead(data.leadId());
        LOG.infof("lead %s erased (%s): %d routing rows deleted", data.leadId(), event.id(), rows);
    }

    /** PostgreSQL keeps microseconds; what we answer and publish is what we store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
