package io.leadplatform.routing.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadReassigned;
import io.leadplatform.routing.config.RoutingConfig;
import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.AssignmentLedgerRepository;
import io.leadplatform.routing.domain.AssignmentRepository;
import io.leadplatform.routing.domain.QualifiedFactRepository;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Moves a lead from its assignee to someone else: a manager's or ops' choice, or escalation after a breach. */
@ApplicationScoped
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RoutingException.class)
public class Reassignments {

    private final AssignmentRepository assignments;
    private final AssignmentLedgerRepository ledger;
    private final QualifiedFactRepository facts;
    private final RoutingQueueRepository queues;
    private final Placement placement;
    private final Outbox outbox;
    private final RoutingConfig config;

    public Reassignments(AssignmentRepository assignments, AssignmentLedgerRepository ledger,
            QualifiedFactRepository facts, RoutingQueueRepository queues, Placement placement, Outbox outbox,
            RoutingConfig config) {
        this.assignments = assignments;
        this.ledger = ledger;
        this.facts = facts;
        this.queues = queues;
        this.placement = placement;
        this.outbox = outbox;
        this.config = config;
    }

    /** The facts the lead was last qualified with, else what its assignment remembers. */
    public RoutingFacts factsOf(Assignment assignment) {
        return facts.findByIdOptional(assignment.leadId)
                .map(f -> f.facts(config.engagementBand().mediumFrom(), config.engagementBand().highFrom()))
                .orElseGet(() -> new RoutingFacts(assignment.direction, assignment.channel, null, null, null, null,
                        null, null, null, null, assignment.domain, assignment.score, assignment.accountTier));
    }

    /**
     * Ends {@code current} and assigns the lead in {@code target}: to {@code assignee} when named, else to the
     * next eligible member other than the current assignee (with the fallback chain). Publishes lead.reassigned
     * and, for the SLA clocks of the new assignment, lead.assigned.
     */
    public Assignment reassign(Assignment current, RoutingQueue target, String assignee, String actor, String reason,
            Instant now) {
        RoutingFacts leadFacts = factsOf(current);
        Placement.Placed placed;
        if (assignee != null) {
            queues.lockForRouting(target);
            placed = new Placement.Placed(target, assignee, "named by " + actor,
                    target.members.stream().filter(m -> m.active).map(m -> m.username).toList(), List.of());
        } else {
            placed = placement.place(target, leadFacts, Set.of(current.assignee), now);
        }
        if (placed.assignee().equals(current.assignee) && placed.queue().id.equals(current.queue.id)) {
            throw new RoutingException("nobody else in " + target.name + " can take lead " + current.leadId);
        }
        current.end(Assignment.Status.REASSIGNED, reason, now);
        // The partial unique index allows one ACTIVE assignment per lead: close the old one before inserting.
        assignments.flush();
        Assignment.Assigned next = Assignment.assign(current.leadId, leadFacts, current.policyVersion,
                current.ruleName, placed.queue(), placed.assignee(), now);
        next.assignment().slaDueAt = null;
        assignments.persist(next.assignment());
        ledger.persist(AssignmentLedgerEntry.of(next.assignment(), AssignmentLedgerEntry.Action.REASSIGNED, actor,
                        "reassigned from " + current.assignee + " (" + current.queue.name + ") to "
                                + placed.assignee() + " (" + placed.queue().name + "): " + reason + "; "
                                + placed.why() + RoutingEventHandler.skippedText(placed), now)
                .decision(current.policyVersion, current.ruleName, placed.candidates(), placed.skipped(),
                        placed.assignee()));
        Assignment a = next.assignment();
        outbox.append(EventTypes.LEAD_REASSIGNED, a.leadId, new LeadReassigned(a.leadId, current.id, a.id,
                a.queue.id, a.queue.name, a.owningOrg.name(), a.assignee, reason, now));
        outbox.append(EventTypes.LEAD_ASSIGNED, a.leadId, next.event());
        return a;
    }
}
